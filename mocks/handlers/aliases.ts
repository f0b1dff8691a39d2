import { http } from 'msw';
import { aliasCreateSchema, aliasUpdateSchema, type FunctionAlias } from '../../src/contract/function';
import { openApiErrors } from '../../src/contract/openapi-errors';
import { fcJson, fcNoContent, MockFcError, parseInput, readJson, withFcErrors } from '../fc-errors';
import { now, pageByName, requireFunction, type FunctionEntry } from '../fc-state';

const ALIASES = '*/2023-03-30/functions/:functionName/aliases';
const ALIAS = `${ALIASES}/:aliasName`;

function requireAlias(entry: FunctionEntry, aliasName: string): FunctionAlias {
  const alias = entry.aliases.get(aliasName);
  if (!alias) throw new MockFcError(...openApiErrors.aliasNotFound(entry.fn.functionName, aliasName));
  return alias;
}

/** An alias points at published versions only: its version (404) and every weighted one (400). */
function assertVersionsExist(
  entry: FunctionEntry,
  alias: Pick<FunctionAlias, 'versionId' | 'additionalVersionWeight'>,
) {
  const { functionName } = entry.fn;
  if (!entry.versions.has(alias.versionId))
    throw new MockFcError(...openApiErrors.versionNotFound(functionName, alias.versionId, 'versionId'));
  for (const versionId of Object.keys(alias.additionalVersionWeight ?? {}))
    if (!entry.versions.has(versionId))
      throw new MockFcError(...openApiErrors.weightedVersionNotFound(functionName, versionId));
}

export const aliasHandlers = [
  http.get(
    ALIASES,
    withFcErrors(({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const { items, nextToken } = pageByName(entry.aliases.values(), (a) => a.aliasName, request);
      return fcJson({ aliases: items, ...(nextToken ? { nextToken } : {}) });
    }),
  ),

  http.post(
    ALIASES,
    withFcErrors(async ({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const input = parseInput(aliasCreateSchema, await readJson(request));
      if (entry.aliases.has(input.aliasName))
        throw new MockFcError(...openApiErrors.aliasAlreadyExists(entry.fn.functionName, input.aliasName));
      assertVersionsExist(entry, input);
      const time = now();
      const alias: FunctionAlias = { ...input, createdTime: time, lastModifiedTime: time };
      entry.aliases.set(alias.aliasName, alias);
      return fcJson(alias);
    }),
  ),

  http.get(
    ALIAS,
    withFcErrors(({ params }) =>
      fcJson(requireAlias(requireFunction(String(params.functionName)), String(params.aliasName))),
    ),
  ),

  http.put(
    ALIAS,
    withFcErrors(async ({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const alias = requireAlias(entry, String(params.aliasName));
      const input = parseInput(aliasUpdateSchema, await readJson(request));
      const updated: FunctionAlias = { ...alias, ...input, lastModifiedTime: now() };
      assertVersionsExist(entry, updated);
      entry.aliases.set(updated.aliasName, updated);
      return fcJson(updated);
    }),
  ),

  http.delete(
    ALIAS,
    withFcErrors(({ params }) => {
      const entry = requireFunction(String(params.functionName));
      const alias = requireAlias(entry, String(params.aliasName));
      const trigger = [...entry.triggers.values()].find((t) => t.qualifier === alias.aliasName);
      if (trigger) throw new MockFcError(...openApiErrors.aliasUsedByTrigger(alias.aliasName, trigger.triggerName));
      entry.aliases.delete(alias.aliasName);
      return fcNoContent();
    }),
  ),
];
