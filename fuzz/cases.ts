import { consoleDraft } from './console-cases';
import { SURFACES, draftRequest, type FuzzCase, type Surface } from './draft';
import { gatewayDraft } from './gateway-cases';
import { openApiDraft } from './openapi-cases';
import { Random } from './random';
import type { Targets } from './targets';

/**
 * Request `id` of a run: the surfaces take turns (gateway, OpenAPI, console), and each request is
 * built from (seed, id) alone, so `--only id` rebuilds exactly the request that was sent (with this
 * run's trigger hosts, keys and dates).
 */
export function buildCase(seed: number, id: number, targets: Targets): FuzzCase {
  const surface: Surface = SURFACES[id % SURFACES.length]!;
  const rng = new Random(seed, id);
  const built =
    surface === 'gateway'
      ? gatewayDraft(rng, targets)
      : surface === 'openapi'
        ? openApiDraft(rng, targets)
        : consoleDraft(rng, targets);
  const port = surface === 'console' ? targets.consolePort : targets.enginePort;
  return { id, surface, kind: built.kind, detail: built.detail, request: draftRequest(port, built.draft) };
}
