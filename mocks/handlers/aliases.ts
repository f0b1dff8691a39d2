import { http } from 'msw';
import { aliasCreateSchema, aliasUpdateSchema, type FunctionAlias } from '../../src/contract/function';
import { fcJson, fcNoContent, MockFcError, parseInput, readJson, withFcErrors } from '../fc-errors';
import { now, pageByName, requireFunction, type FunctionEntry } from '../fc-state';

const ALIASES = '*/2023-03-30/functions/:functionName/aliases';
const ALIAS = `${ALIASES}/:aliasName`;

function requireAlias(entry: FunctionEntry, aliasName: string): FunctionAlias {
  const alias = entry.aliases.get(aliasName);
  if (!alias)
    throw new MockFcError(
      'AliasNotFound',
      `alias '${aliasName}' of function '${entry.fn.functionName}' does not exist`,
    );
  return alias;
}

/** An alias points at published versions only: its version and every weighted one. */
function assertVersionsExist(
  entry: FunctionEntry,
  alias: Pick<FunctionAlias, 'versionId' | 'additionalVersionWeight'>,
) {
  for (const versionId of [alias.versionId, ...Object.keys(alias.additionalVersionWeight ?? {})]) {
    if (!entry.versions.has(versionId))
      throw new MockFcError(
        'VersionNotFound',
        `version '${versionId}' of function '${entry.fn.functionName}' does not exist`,
      );
  }
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
        throw new MockFcError(
          'AliasAlreadyExists',
          `alias '${input.aliasName}' already exists in function '${entry.fn.functionName}'`,
        );
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
      if (trigger)
        throw new MockFcError(
          'ResourceInUse',
          `alias '${alias.aliasName}' is used by trigger '${trigger.triggerName}'`,
        );
      entry.aliases.delete(alias.aliasName);
      return fcNoContent();
    }),
  ),
];
