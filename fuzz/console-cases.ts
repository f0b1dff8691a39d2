import { newDraft, type Draft } from './draft';
import { invalidSegment, mutateJson } from './json-mutations';
import { ANY_BYTE, PRINTABLE, type Random } from './random';
import { EVENT_FUNCTION, SCRATCH_FUNCTION, SCRATCH_TRIGGER, WEB_FUNCTION, tempName, type Targets } from './targets';

export type ConsoleDraft = { kind: string; detail: string; draft: Draft };

type Route = {
  method: string;
  path: (rng: Random, t: Targets) => string;
  query?: (rng: Random) => string;
  body?: (rng: Random, t: Targets) => object;
};

const FN = '/api/functions';
const temp = (rng: Random) => tempName(rng.int(0, 19));
const readable = (rng: Random) => rng.pick([EVENT_FUNCTION, WEB_FUNCTION, SCRATCH_FUNCTION, temp(rng)]);
const invoked = (rng: Random) => rng.pick([EVENT_FUNCTION, WEB_FUNCTION]);
const triggerOf = (rng: Random, t: Targets, fn: string) =>
  rng.pick(t.triggers.filter((x) => x.functionName === fn)).name;
const httpRequest = (rng: Random) => ({
  kind: 'http',
  method: rng.pick(['GET', 'POST']),
  path: rng.pick(['/', '/a?b=c']),
  query: [{ key: 'q', value: '1' }],
  headers: [{ key: 'x-test', value: 'v' }],
  bodyType: 'text',
  body: 'hello',
});
const listQuery = (rng: Random) =>
  rng.pick([
    '',
    'limit=5',
    'limit=-1',
    'limit=abc',
    `prefix=${'p'.repeat(rng.size(5000))}`,
    'nextToken=garbage',
    'limit=1&limit=2',
    'status=Nope',
  ]);

/** The console's routes; writes go to the scratch function or temporary names, invocations to the two stable functions. */
const ROUTES: readonly Route[] = [
  { method: 'GET', path: () => '/api/settings' },
  { method: 'GET', path: () => FN, query: listQuery },
  {
    method: 'POST',
    path: () => FN,
    body: (rng) => ({
      functionName: temp(rng),
      template: rng.pick(['nodejs-event-http', 'nodejs-web', 'custom-runtime']),
      description: 'fuzz',
      memorySize: 128,
      timeout: 3,
    }),
  },
  { method: 'GET', path: (rng) => `${FN}/${readable(rng)}` },
  {
    method: 'PUT',
    path: () => `${FN}/${SCRATCH_FUNCTION}`,
    body: () => ({ description: 'd', timeout: 5, memorySize: 256, environmentVariables: { A: '1' } }),
  },
  { method: 'DELETE', path: (rng) => `${FN}/${temp(rng)}` },
  { method: 'GET', path: (rng) => `${FN}/${readable(rng)}/code` },
  {
    method: 'PUT',
    path: () => `${FN}/${SCRATCH_FUNCTION}/code`,
    body: () => ({
      files: [
        { path: 'index.js', content: 'exports.handler = async () => "ok";' },
        { path: 'lib/util.js', content: '' },
      ],
    }),
  },
  { method: 'GET', path: (rng) => `${FN}/${readable(rng)}/triggers` },
  {
    method: 'POST',
    path: () => `${FN}/${SCRATCH_FUNCTION}/triggers`,
    body: (rng) => ({
      triggerName: `t_${rng.int(0, 9)}`,
      triggerType: 'http',
      qualifier: 'LATEST',
      triggerConfig: { methods: ['GET'], authType: 'anonymous' },
    }),
  },
  {
    method: 'PUT',
    path: () => `${FN}/${SCRATCH_FUNCTION}/triggers/${SCRATCH_TRIGGER}`,
    body: () => ({
      triggerConfig: {
        methods: ['GET', 'POST'],
        authType: 'bearer',
        authConfig: { tokens: [{ name: 'a', token: '' }] },
      },
    }),
  },
  { method: 'DELETE', path: (rng) => `${FN}/${SCRATCH_FUNCTION}/triggers/t_${rng.int(0, 9)}` },
  { method: 'GET', path: (rng) => `${FN}/${readable(rng)}/versions`, query: listQuery },
  { method: 'POST', path: () => `${FN}/${SCRATCH_FUNCTION}/versions`, body: () => ({ description: 'v' }) },
  {
    method: 'POST',
    path: () => `${FN}/${SCRATCH_FUNCTION}/aliases`,
    body: (rng) => ({ aliasName: `a_${rng.int(0, 9)}`, versionId: '1' }),
  },
  {
    method: 'POST',
    path: (rng) => `${FN}/${invoked(rng)}/invocations`,
    body: (rng, t) => {
      const fn = rng.pick([EVENT_FUNCTION, WEB_FUNCTION]);
      return rng.chance(0.3)
        ? { mode: rng.pick(['sync', 'async']), request: { kind: 'event', event: '{"a":1}' } }
        : {
            mode: rng.pick(['sync', 'async']),
            triggerName: triggerOf(rng, t, fn),
            endpoint: rng.pick(['internet', 'intranet']),
            request: httpRequest(rng),
            auth: rng.pick([
              undefined,
              { type: 'basic', username: t.basic.username },
              { type: 'bearer', tokenName: 'fuzz' },
              { type: 'jwt', token: t.jwt.valid },
            ]),
          };
    },
  },
  { method: 'GET', path: (rng) => `${FN}/${invoked(rng)}/invocations` },
  { method: 'GET', path: (rng) => `${FN}/${invoked(rng)}/invocations/${rng.pick(['x', '%zz', 'a'.repeat(300)])}` },
  {
    method: 'POST',
    path: () => `${FN}/${EVENT_FUNCTION}/snippets`,
    body: (rng, t) => ({
      request: httpRequest(rng),
      mode: 'sync',
      triggerName: triggerOf(rng, t, EVENT_FUNCTION),
      endpoint: 'internet',
      auth: { type: 'basic', username: t.basic.username },
    }),
  },
  { method: 'GET', path: (rng) => `${FN}/${readable(rng)}/test-requests` },
  { method: 'GET', path: (rng) => `${FN}/${readable(rng)}/test-requests/export` },
  {
    method: 'POST',
    path: () => `${FN}/${SCRATCH_FUNCTION}/test-requests`,
    body: (rng) => ({ name: 'saved', request: rng.chance(0.5) ? httpRequest(rng) : { kind: 'event', event: '{}' } }),
  },
  {
    method: 'PUT',
    path: (rng) => `${FN}/${SCRATCH_FUNCTION}/test-requests/${rng.pick(['x', '1', 'a'.repeat(64)])}`,
    body: () => ({ name: 'renamed', request: { kind: 'event', event: '{}' } }),
  },
  { method: 'GET', path: () => `${FN}/${EVENT_FUNCTION}/async-tasks`, query: listQuery },
  { method: 'POST', path: (rng) => `${FN}/${EVENT_FUNCTION}/async-tasks/${rng.pick(['x', 'a'.repeat(200)])}/stop` },
];

function mutatePath(path: string, rng: Random): { path: string; detail: string } {
  const segments = path.split('/');
  switch (rng.int(0, 3)) {
    case 0: {
      const at = rng.int(3, Math.max(3, segments.length - 1));
      segments[at] = rng.chance(0.5)
        ? rng.pick(['%zz', '%', '..', '%2e%2e', 'a%2Fb', '%00', '%C0%AF', '%FF', '', '%E4%BD%A0', '..%2F..%2F'])
        : invalidSegment(rng);
      return { path: segments.join('/'), detail: `segment ${at} = ${JSON.stringify(segments[at]?.slice(0, 30))}` };
    }
    case 1:
      return {
        path: rng.pick([
          '/api',
          '/api/',
          '/api/nope',
          `${FN}/x/unknown`,
          '/api/../../etc/passwd',
          '/api/%2e%2e/%2e%2e/etc/passwd',
          '/../package.json',
          '/%2e%2e/%2e%2e/credentials.json',
          '/index.html/..%2F..%2Fpackage.json',
          `/${rng.string(rng.int(1, 30), ANY_BYTE)}`,
        ]),
        detail: 'unknown route',
      };
    case 2:
      return {
        path: path.replace('/api/', rng.pick(['/API/', '/api//', '//api/', '/api/./'])),
        detail: 'path spelling',
      };
    default:
      return { path: `${path}${rng.pick(['/', '//', '/extra', '?', '#x'])}`, detail: 'path suffix' };
  }
}

export function consoleDraft(rng: Random, targets: Targets): ConsoleDraft {
  const route = rng.pick(ROUTES);
  let path = route.path(rng, targets);
  let method = route.method;
  const query = route.query?.(rng) ?? '';
  const notes: string[] = [`${route.method} ${path}`];
  let kind = query === '' ? 'valid' : 'query';
  const roll = rng.next();
  if (roll < 0.15) {
    const mutated = mutatePath(path, rng);
    path = mutated.path;
    kind = mutated.detail === 'unknown route' ? 'unknown-route' : 'mutated-path';
    notes.push(mutated.detail);
  } else if (roll < 0.2) {
    // A DELETE or PUT of a stable function's path would remove or change what the gateway requests call.
    const stable = path.includes(EVENT_FUNCTION) || path.includes(WEB_FUNCTION);
    method = rng.pick(
      stable
        ? ['PATCH', 'OPTIONS', 'PROPFIND', 'get', 'HEAD']
        : ['PATCH', 'OPTIONS', 'DELETE', 'PUT', 'POST', 'PROPFIND', 'get'],
    );
    kind = 'wrong-method';
    notes.push(`sent as ${method}`);
  }
  let body = Buffer.alloc(0);
  const headers: Array<[string, string]> = [
    ['Host', `127.0.0.1:${targets.consolePort}`],
    ['Origin', `http://127.0.0.1:${targets.consolePort}`],
    ['Sec-Fetch-Site', 'same-origin'],
    ['Accept', 'application/json'],
  ];
  if (route.body) {
    const mutated = mutateJson(route.body(rng, targets), rng);
    body = Buffer.from(mutated.text);
    if (kind === 'valid') kind = mutated.kind === 'zip-garbage' ? 'unknown-field' : mutated.kind;
    notes.push(mutated.detail);
    headers.push([
      'Content-Type',
      rng.chance(0.95)
        ? 'application/json'
        : rng.pick(['application/json; charset=latin1', 'text/plain', rng.string(20, PRINTABLE)]),
    ]);
  }
  headers.push(['Content-Length', String(body.length)], ['Connection', 'close']);
  return { kind, detail: notes.join(', '), draft: newDraft(method, query ? `${path}?${query}` : path, headers, body) };
}
