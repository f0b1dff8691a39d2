import { http } from 'msw';
import { versionPublishSchema } from '../../src/contract/function';
import { openApiErrors } from '../../src/contract/openapi-errors';
import { fcJson, fcNoContent, MockFcError, parseInput, readJson, withFcErrors } from '../fc-errors';
import { now, requireFunction, type StoredVersion } from '../fc-state';

const VERSIONS = '*/2023-03-30/functions/:functionName/versions';

const versionResponse = ({ snapshot: _snapshot, ...version }: StoredVersion) => version;

export const versionHandlers = [
  // Newest first, as the OpenAPI's default direction (BACKWARD) lists them; like the engine, `nextToken`
  // is the id of the next page's first version.
  http.get(
    VERSIONS,
    withFcErrors(({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const query = new URL(request.url).searchParams;
      const limit = Math.min(Math.max(Number(query.get('limit')) || 20, 1), 100);
      const from = Number(query.get('nextToken') || Number.MAX_SAFE_INTEGER);
      const versions = [...entry.versions.values()]
        .filter((v) => Number(v.versionId) <= from)
        .sort((a, b) => Number(b.versionId) - Number(a.versionId));
      const next = versions[limit];
      return fcJson({
        versions: versions.slice(0, limit).map(versionResponse),
        direction: 'BACKWARD',
        ...(next ? { nextToken: next.versionId } : {}),
      });
    }),
  ),

  http.post(
    VERSIONS,
    withFcErrors(async ({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const input = parseInput(versionPublishSchema, await readJson(request));
      const time = now();
      entry.lastVersionId += 1;
      const version: StoredVersion = {
        versionId: String(entry.lastVersionId),
        ...(input.description !== undefined ? { description: input.description } : {}),
        createdTime: time,
        lastModifiedTime: time,
        snapshot: { ...entry.fn },
      };
      entry.versions.set(version.versionId, version);
      return fcJson(versionResponse(version));
    }),
  ),

  http.delete(
    `${VERSIONS}/:versionId`,
    withFcErrors(({ params }) => {
      const entry = requireFunction(String(params.functionName));
      const versionId = String(params.versionId);
      if (!entry.versions.has(versionId))
        throw new MockFcError(...openApiErrors.versionNotFound(entry.fn.functionName, versionId));
      const alias = [...entry.aliases.values()].find(
        (a) => a.versionId === versionId || Object.hasOwn(a.additionalVersionWeight ?? {}, versionId),
      );
      if (alias) throw new MockFcError(...openApiErrors.versionUsedByAlias(versionId, alias.aliasName));
      const trigger = [...entry.triggers.values()].find((t) => t.qualifier === versionId);
      if (trigger) throw new MockFcError(...openApiErrors.versionUsedByTrigger(versionId, trigger.triggerName));
      entry.versions.delete(versionId);
      return fcNoContent();
    }),
  ),
];
