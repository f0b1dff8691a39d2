import { newDraft, type Draft } from './draft';
import { authorize, type GatewayTarget } from './gateway-target';
import { GATEWAY_MUTATIONS } from './gateway-mutations';
import { PRINTABLE, type Random } from './random';
import { METHODS, type Targets } from './targets';

const PATHS = ['/', '/hello', '/a/b/c', '/path?x=1&y=2', '/search?q=%E4%BD%A0', '/trailing/', '/index.html?download'];

export type GatewayDraft = { kind: string; detail: string; draft: Draft };

/** A request the trigger would answer 200, before it is mutated. */
function baseline(rng: Random, target: GatewayTarget): Draft {
  const method = rng.pick(METHODS);
  const withBody = method !== 'GET' && method !== 'HEAD' ? rng.chance(0.7) : rng.chance(0.1);
  const body = withBody ? Buffer.from(rng.string(rng.size(4096), PRINTABLE)) : Buffer.alloc(0);
  const headers: Array<[string, string]> = [
    ['Host', target.host],
    ['User-Agent', 'fc-console-fuzz'],
    ['Accept', '*/*'],
  ];
  if (body.length > 0)
    headers.push(['Content-Type', rng.pick(['text/plain', 'application/json', 'application/octet-stream'])]);
  if (body.length > 0 || rng.chance(0.3)) headers.push(['Content-Length', String(body.length)]);
  headers.push(['Connection', 'close']);
  const draft = newDraft(method, rng.pick(PATHS), headers, body);
  if (rng.chance(0.85)) authorize(draft, target);
  return draft;
}

export function gatewayDraft(rng: Random, targets: Targets): GatewayDraft {
  const trigger = rng.pick(targets.triggers);
  const host = rng.chance(0.2) ? trigger.hosts.intranet : trigger.hosts.internet;
  const target = { trigger, host, targets };
  const draft = baseline(rng, target);
  const mutation = rng.pick(GATEWAY_MUTATIONS);
  const detail = mutation.apply(draft, rng, target);
  return { kind: mutation.kind, detail: `${trigger.name}: ${detail}`, draft };
}
