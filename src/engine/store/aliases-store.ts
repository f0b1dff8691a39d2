import { prepared } from './prepared';
import { bumpGeneration } from './read-cache';
import { LATEST } from '../../contract/names';
import type { Db } from './database';
import { getFunction } from './functions-store';
import { FcError } from '../fc-error';
import { openApiErrors } from '../../contract/openapi-errors';
import { nowIso, pageByName, type Page, type PageRequest } from './paging';
import { findVersion } from './versions-store';

export type VersionWeights = Record<string, number>;

export type StoredAlias = {
  functionName: string;
  aliasName: string;
  versionId: string;
  description: string;
  additionalVersionWeight: VersionWeights;
  createdTime: string;
  lastModifiedTime: string;
};

export type AliasInput = {
  versionId: string;
  description?: string;
  additionalVersionWeight?: VersionWeights;
};

type AliasRow = {
  function_name: string;
  alias_name: string;
  version_id: number;
  description: string;
  additional_version_weight: string;
  created_time: string;
  last_modified_time: string;
};

function fromRow(row: AliasRow): StoredAlias {
  return {
    functionName: row.function_name,
    aliasName: row.alias_name,
    versionId: String(row.version_id),
    description: row.description,
    additionalVersionWeight: JSON.parse(row.additional_version_weight) as VersionWeights,
    createdTime: row.created_time,
    lastModifiedTime: row.last_modified_time,
  };
}

export function findAlias(db: Db, functionName: string, aliasName: string): StoredAlias | undefined {
  const row = prepared(db, 'SELECT * FROM aliases WHERE function_name = ? AND alias_name = ?').get(
    functionName,
    aliasName,
  ) as AliasRow | undefined;
  return row && fromRow(row);
}

export function getAlias(db: Db, functionName: string, aliasName: string): StoredAlias {
  getFunction(db, functionName);
  const alias = findAlias(db, functionName, aliasName);
  if (!alias) throw new FcError(...openApiErrors.aliasNotFound(functionName, aliasName));
  return alias;
}

/** An alias routes to published versions only; extra weights go to other versions, in total at most 1. */
function checkRouting(
  db: Db,
  functionName: string,
  input: Required<Pick<AliasInput, 'versionId' | 'additionalVersionWeight'>>,
) {
  if (!findVersion(db, functionName, input.versionId))
    throw new FcError(...openApiErrors.versionNotFound(functionName, input.versionId, 'versionId'));
  let total = 0;
  for (const [versionId, weight] of Object.entries(input.additionalVersionWeight)) {
    if (versionId === input.versionId)
      throw new FcError(
        'InvalidArgument',
        `additionalVersionWeight: version "${versionId}" is already the alias's main version`,
      );
    if (!findVersion(db, functionName, versionId))
      throw new FcError(...openApiErrors.weightedVersionNotFound(functionName, versionId));
    total += weight;
  }
  if (total > 1) throw new FcError('InvalidArgument', 'additionalVersionWeight: the weights add up to more than 1');
}

export function createAlias(db: Db, functionName: string, aliasName: string, input: AliasInput): StoredAlias {
  return db.transaction(() => {
    getFunction(db, functionName);
    if (aliasName === LATEST) throw new FcError('InvalidArgument', 'aliasName: LATEST is reserved for the latest code');
    if (findAlias(db, functionName, aliasName))
      throw new FcError(...openApiErrors.aliasAlreadyExists(functionName, aliasName));
    const weights = input.additionalVersionWeight ?? {};
    checkRouting(db, functionName, { versionId: input.versionId, additionalVersionWeight: weights });
    const now = nowIso();
    db.prepare(
      `INSERT INTO aliases (function_name, alias_name, version_id, description, additional_version_weight, created_time, last_modified_time)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(functionName, aliasName, Number(input.versionId), input.description ?? '', JSON.stringify(weights), now, now);
    bumpGeneration(db);
    return getAlias(db, functionName, aliasName);
  })();
}

export function updateAlias(db: Db, functionName: string, aliasName: string, patch: Partial<AliasInput>): StoredAlias {
  return db.transaction(() => {
    const current = getAlias(db, functionName, aliasName);
    const next = {
      versionId: patch.versionId ?? current.versionId,
      description: patch.description ?? current.description,
      additionalVersionWeight: patch.additionalVersionWeight ?? current.additionalVersionWeight,
    };
    checkRouting(db, functionName, next);
    db.prepare(
      `UPDATE aliases SET version_id = ?, description = ?, additional_version_weight = ?, last_modified_time = ?
       WHERE function_name = ? AND alias_name = ?`,
    ).run(
      Number(next.versionId),
      next.description,
      JSON.stringify(next.additionalVersionWeight),
      nowIso(),
      functionName,
      aliasName,
    );
    bumpGeneration(db);
    return getAlias(db, functionName, aliasName);
  })();
}

export function listAliases(db: Db, functionName: string, page: PageRequest): Page<StoredAlias> {
  getFunction(db, functionName);
  return pageByName(db, { table: 'aliases', nameColumn: 'alias_name', functionName }, page, fromRow);
}

/** An alias a trigger is bound to cannot be deleted (its URL would silently stop working). */
export function deleteAlias(db: Db, functionName: string, aliasName: string): void {
  db.transaction(() => {
    getAlias(db, functionName, aliasName);
    const trigger = db
      .prepare('SELECT trigger_name FROM triggers WHERE function_name = ? AND qualifier = ?')
      .get(functionName, aliasName) as { trigger_name: string } | undefined;
    if (trigger) throw new FcError(...openApiErrors.aliasUsedByTrigger(aliasName, trigger.trigger_name));
    db.prepare('DELETE FROM aliases WHERE function_name = ? AND alias_name = ?').run(functionName, aliasName);
    bumpGeneration(db);
  })();
}
