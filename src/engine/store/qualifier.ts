import { LATEST, VERSION_ID_PATTERN } from '../../contract/names';
import type { Db } from './database';
import { functionConfigOf, getFunction, type FunctionConfig } from './functions-store';
import { FcError } from '../fc-error';
import { openApiErrors } from '../../contract/openapi-errors';
import { findAlias, type VersionWeights } from './aliases-store';
import { findVersion } from './versions-store';

/** The function as a qualifier runs it: LATEST's current config, or a version's snapshot. */
export type ResolvedFunction = FunctionConfig & {
  functionId: string;
  /** The qualifier asked for: LATEST, a version id or an alias name. */
  qualifier: string;
  /** The published version that runs; undefined for LATEST. */
  versionId?: string;
  /** For an alias: the extra versions and their share of requests (the gateway may ignore them). */
  additionalVersionWeight?: VersionWeights;
  createdTime: string;
  lastModifiedTime: string;
  /** The function's reserved concurrency (its instance cap), when one is set; the same for every qualifier. */
  reservedConcurrency?: number;
};

/**
 * Resolve a qualifier, or throw FunctionNotFound / VersionNotFound / AliasNotFound (404). A
 * qualifier that names nothing is answered with those 404 codes rather than InvalidArgument, as
 * GetFunction with an unknown qualifier is; CreateTrigger and UpdateTrigger use the same rule.
 */
export function lookupQualifier(db: Db, functionName: string, qualifier: string = LATEST): ResolvedFunction {
  const fn = getFunction(db, functionName);
  const base = { functionId: fn.functionId, qualifier, createdTime: fn.createdTime };
  if (qualifier === LATEST) return { ...functionConfigOf(fn), ...base, lastModifiedTime: fn.lastModifiedTime };

  let versionId = qualifier;
  let weights: VersionWeights | undefined;
  if (!VERSION_ID_PATTERN.test(qualifier)) {
    const alias = findAlias(db, functionName, qualifier);
    if (!alias) throw new FcError(...openApiErrors.aliasNotFound(functionName, qualifier, 'qualifier'));
    versionId = alias.versionId;
    weights = alias.additionalVersionWeight;
  }
  const version = findVersion(db, functionName, versionId);
  if (!version) throw new FcError(...openApiErrors.versionNotFound(functionName, versionId, 'qualifier'));
  return {
    ...version.snapshot,
    ...base,
    versionId,
    ...(weights && Object.keys(weights).length > 0 ? { additionalVersionWeight: weights } : {}),
    lastModifiedTime: version.lastModifiedTime,
  };
}

/** The same, answering undefined when anything is missing (for the gateway and the runtime). */
export function resolveQualifier(
  db: Db,
  functionName: string,
  qualifier: string = LATEST,
): ResolvedFunction | undefined {
  try {
    return lookupQualifier(db, functionName, qualifier);
  } catch (error) {
    if (error instanceof FcError) return undefined;
    throw error;
  }
}
