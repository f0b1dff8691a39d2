import { newDraft, type Draft } from './draft';
import { signedHeaders, type EngineKeys } from './engine-keys';
import { invalidSegment, mutateJson } from './json-mutations';
import { ANY_BYTE, PRINTABLE, type Random } from './random';
import {
  EVENT_FUNCTION,
  EVENT_ZIP,
  SCRATCH_FUNCTION,
  SCRATCH_TRIGGER,
  WEB_FUNCTION,
  tempName,
  type Targets,
} from './targets';

export type OpenApiDraft = { kind: string; detail: string; draft: Draft };

type Operation = {
  name: string;
  method: string;
  path: (rng: Random) => string;
  query?: (rng: Random) => string;
  body?: (rng: Random) => object;
  payload?: boolean;
};

const API = '/2023-03-30/functions';
const temp = (rng: Random) => tempName(rng.int(0, 19));
const readable = (rng: Random) => rng.pick([EVENT_FUNCTION, WEB_FUNCTION, SCRATCH_FUNCTION, temp(rng)]);
const triggerConfig = (rng: Random) =>
  JSON.stringify(
    rng.pick([
      { methods: ['GET', 'POST'], authType: 'anonymous' },
      { methods: ['GET'], authType: 'bearer', authConfig: { tokens: [{ name: 'a', token: 'A'.repeat(40) }] } },
      {
        methods: ['PUT'],
        authType: 'basic',
        authConfig: JSON.stringify({ users: [{ username: 'user-name-0001', password: 'Pass-word-0001!' }] }),
      },
      {
        methods: ['GET'],
        authType: 'jwt',
        authConfig: { jwks: { keys: [{ kty: 'oct', k: 'AAAA' }] }, tokenLookup: 'header:Authorization:Bearer ' },
      },
      { methods: ['GET'], authType: 'anonymous', corsConfig: { allowOrigins: ['*'], maxAge: 10 } },
    ]),
  );
const listQuery = (rng: Random) =>
  rng.pick([
    '',
    'limit=5',
    'limit=-1',
    'limit=abc',
    'limit=100000000000',
    `prefix=${'p'.repeat(rng.size(5000))}`,
    'nextToken=%zz',
    'nextToken=garbage',
    'limit=1&limit=2',
    'qualifier=%00',
  ]);

/** The operations a fuzzed request may call; writes go to the scratch function or temporary names only. */
const OPERATIONS: readonly Operation[] = [
  {
    name: 'CreateFunction',
    method: 'POST',
    path: () => API,
    body: (rng) => ({
      functionName: temp(rng),
      runtime: 'nodejs20',
      handler: 'index.handler',
      code: { zipFile: EVENT_ZIP },
      timeout: 3,
      memorySize: 128,
      description: 'fuzz',
      environmentVariables: { FUZZ: '1' },
    }),
  },
  {
    name: 'CreateFunction (custom)',
    method: 'POST',
    path: () => API,
    body: (rng) => ({
      functionName: temp(rng),
      runtime: 'custom.debian10',
      code: { zipFile: EVENT_ZIP },
      customRuntimeConfig: { command: ['node'], args: ['index.js'], port: 9000 },
    }),
  },
  {
    name: 'UpdateFunction',
    method: 'PUT',
    path: (rng) => `${API}/${rng.pick([SCRATCH_FUNCTION, temp(rng)])}`,
    body: () => ({
      description: 'updated',
      timeout: 5,
      memorySize: 256,
      instanceConcurrency: 2,
      environmentVariables: { A: 'b' },
      code: { zipFile: EVENT_ZIP },
    }),
  },
  { name: 'DeleteFunction', method: 'DELETE', path: (rng) => `${API}/${temp(rng)}` },
  {
    name: 'GetFunction',
    method: 'GET',
    path: (rng) => `${API}/${readable(rng)}`,
    query: (rng) => rng.pick(['', 'qualifier=LATEST', 'qualifier=%zz', 'qualifier=99999999999999999999']),
  },
  { name: 'ListFunctions', method: 'GET', path: () => API, query: listQuery },
  {
    name: 'CreateTrigger',
    method: 'POST',
    path: () => `${API}/${SCRATCH_FUNCTION}/triggers`,
    body: (rng) => ({
      triggerName: `t_${rng.int(0, 9)}`,
      triggerType: 'http',
      qualifier: 'LATEST',
      triggerConfig: triggerConfig(rng),
    }),
  },
  {
    name: 'UpdateTrigger',
    method: 'PUT',
    path: () => `${API}/${SCRATCH_FUNCTION}/triggers/${SCRATCH_TRIGGER}`,
    body: (rng) => ({ description: 'd', triggerConfig: triggerConfig(rng) }),
  },
  { name: 'DeleteTrigger', method: 'DELETE', path: (rng) => `${API}/${SCRATCH_FUNCTION}/triggers/t_${rng.int(0, 9)}` },
  { name: 'ListTriggers', method: 'GET', path: (rng) => `${API}/${readable(rng)}/triggers`, query: listQuery },
  {
    name: 'PublishFunctionVersion',
    method: 'POST',
    path: () => `${API}/${SCRATCH_FUNCTION}/versions`,
    body: () => ({ description: 'v' }),
  },
  { name: 'ListFunctionVersions', method: 'GET', path: (rng) => `${API}/${readable(rng)}/versions`, query: listQuery },
  {
    name: 'CreateAlias',
    method: 'POST',
    path: () => `${API}/${SCRATCH_FUNCTION}/aliases`,
    body: (rng) => ({
      aliasName: `a_${rng.int(0, 9)}`,
      versionId: '1',
      description: 'a',
      additionalVersionWeight: { '2': 0.5 },
    }),
  },
  {
    name: 'UpdateAlias',
    method: 'PUT',
    path: (rng) => `${API}/${SCRATCH_FUNCTION}/aliases/a_${rng.int(0, 9)}`,
    body: () => ({ versionId: '1', additionalVersionWeight: {} }),
  },
  {
    name: 'PutAsyncInvokeConfig',
    method: 'PUT',
    path: () => `${API}/${SCRATCH_FUNCTION}/async-invoke-config`,
    query: () => 'qualifier=LATEST',
    body: () => ({
      maxAsyncEventAgeInSeconds: 60,
      maxAsyncRetryAttempts: 1,
      asyncTask: true,
      destinationConfig: { onSuccess: { destination: 'acs:fc:::functions/x' } },
    }),
  },
  {
    name: 'InvokeFunction',
    method: 'POST',
    path: () => `${API}/${EVENT_FUNCTION}/invocations`,
    body: () => ({ event: 'fuzz', n: 1 }),
    payload: true,
  },
  {
    name: 'GetFunctionCode',
    method: 'GET',
    path: (rng) => `${API}/${readable(rng)}/code`,
    query: (rng) => rng.pick(['', 'qualifier=1', 'qualifier=..']),
  },
  {
    name: 'ListAsyncTasks',
    method: 'GET',
    path: () => `${API}/${EVENT_FUNCTION}/async-tasks`,
    query: (rng) =>
      rng.pick([
        '',
        'status=Nope',
        'limit=0',
        'startedTimeBegin=-1',
        `prefix=${'x'.repeat(rng.size(3000))}`,
        'includePayload=maybe',
      ]),
  },
  {
    name: 'GetAsyncTask',
    method: 'GET',
    path: (rng) => `${API}/${EVENT_FUNCTION}/async-tasks/${rng.pick(['x', '%zz', 'a'.repeat(500), '..'])}`,
  },
  {
    name: 'GetInvocationLogs',
    method: 'GET',
    path: (rng) => `${API}/${EVENT_FUNCTION}/invocations/${rng.pick(['x', '%00', 'a'.repeat(1000)])}/logs`,
  },
];

const PATH_NOISE = [
  '%zz',
  '%',
  '..',
  '%2e%2e',
  'a%2Fb',
  '%00',
  '%C0%AF',
  '%FF',
  '.',
  '',
  '%E4%BD%A0',
  ';x',
  'x?y',
  '//',
];

function mutatePath(path: string, rng: Random): { path: string; detail: string } {
  const segments = path.split('/');
  switch (rng.int(0, 3)) {
    case 0: {
      const at = rng.int(2, segments.length - 1);
      segments[at] = rng.chance(0.5) ? rng.pick(PATH_NOISE) : invalidSegment(rng);
      return { path: segments.join('/'), detail: `segment ${at} = ${JSON.stringify(segments[at]!.slice(0, 30))}` };
    }
    case 1:
      return { path: `${path}/${rng.pick(['extra', 'x/y/z', '..', '%2F'])}`, detail: 'extra segments' };
    case 2:
      return {
        path: rng.pick([
          '/',
          '/2023-03-30',
          '/2023-03-30/',
          '/2023-03-30/unknown',
          '/2016-08-15/services',
          `${API}//`,
          `/${rng.string(rng.int(1, 30), ANY_BYTE)}`,
        ]),
        detail: 'unknown route',
      };
    default:
      return { path: `${path}${'/'.repeat(rng.int(1, 3))}`, detail: 'trailing slashes' };
  }
}

type Signing = 'signed' | 'unsigned' | 'bad-signature';

function sign(
  d: Draft,
  rawPath: string,
  rawQuery: string,
  host: string,
  keys: EngineKeys,
  rng: Random,
): { signing: Signing; note: string } {
  const signing: Signing = rng.pick([
    'signed',
    'signed',
    'signed',
    'signed',
    'signed',
    'unsigned',
    'bad-signature',
    'bad-signature',
  ]);
  if (signing === 'unsigned') return { signing, note: 'unsigned' };
  const contentType = d.headers.find(([n]) => n === 'content-type')?.[1];
  const variant =
    signing === 'signed'
      ? 'valid'
      : rng.pick([
          'wrong secret',
          'unknown key',
          'stale date',
          'future date',
          'garbage Authorization',
          'no date',
          'hash mismatch',
          'body changed',
        ]);
  const now =
    variant === 'stale date'
      ? Date.now() - 20 * 60_000
      : variant === 'future date'
        ? Date.now() + 20 * 60_000
        : Date.now();
  const useKeys =
    variant === 'wrong secret'
      ? { ...keys, accessKeySecret: 'x'.repeat(30) }
      : variant === 'unknown key'
        ? { ...keys, accessKeyId: 'LTAIunknownunknown00' }
        : keys;
  const headers = signedHeaders(
    {
      method: d.method,
      rawPath,
      rawQuery,
      host,
      headers: contentType ? { 'content-type': contentType } : {},
      body: d.body,
    },
    useKeys,
    now,
  );
  for (const [name, value] of Object.entries(headers))
    if (name !== 'host' && name !== 'content-type') d.headers.push([name, value]);
  const set = (name: string, value: string | undefined) => {
    d.headers = d.headers.filter(([n]) => n.toLowerCase() !== name);
    if (value !== undefined) d.headers.push([name, value]);
  };
  if (variant === 'garbage Authorization')
    set(
      'authorization',
      rng.pick([
        'ACS3-HMAC-SHA256',
        'x',
        `ACS3-HMAC-SHA256 Credential=${keys.accessKeyId},SignedHeaders=,Signature=zz`,
        rng.string(rng.int(1, 300), PRINTABLE),
      ]),
    );
  if (variant === 'no date') set('x-acs-date', undefined);
  if (variant === 'hash mismatch') set('x-acs-content-sha256', '0'.repeat(64));
  if (variant === 'body changed') d.body = Buffer.concat([d.body, Buffer.from(' ')]);
  return { signing, note: variant };
}

export function openApiDraft(rng: Random, targets: Targets): OpenApiDraft {
  const op = rng.pick(OPERATIONS);
  let rawPath = op.path(rng);
  const rawQuery = op.query?.(rng) ?? '';
  const notes: string[] = [op.name];
  let kind = 'valid';
  if (rng.chance(0.15)) {
    const mutated = mutatePath(rawPath, rng);
    rawPath = mutated.path;
    kind = 'path';
    notes.push(mutated.detail);
  } else if (rawQuery !== '') kind = 'query';
  let body = Buffer.alloc(0);
  if (op.body) {
    const mutated =
      op.payload && rng.chance(0.5)
        ? { kind: 'payload-bytes', text: rng.string(rng.size(100_000), ANY_BYTE), detail: 'random payload' }
        : mutateJson(op.body(rng), rng);
    body = Buffer.from(mutated.text, mutated.kind === 'payload-bytes' ? 'latin1' : 'utf8');
    if (kind === 'valid') kind = mutated.kind;
    notes.push(mutated.detail);
  }
  const host = `127.0.0.1:${targets.enginePort}`;
  const headers: Array<[string, string]> = [['host', host]];
  if (op.body) headers.push(['content-type', 'application/json']);
  if (op.payload)
    headers.push(
      ['x-fc-invocation-type', rng.pick(['Sync', 'Sync', 'Async', 'async', 'Nope'])],
      ['x-fc-log-type', rng.pick(['None', 'Tail', 'Nope'])],
    );
  const d = newDraft(op.method, rawQuery ? `${rawPath}?${rawQuery}` : rawPath, headers, body);
  const { signing, note } = sign(d, rawPath, rawQuery, host, targets.keys, rng);
  d.headers.push(['content-length', String(d.body.length)], ['connection', 'close']);
  return { kind: `${signing}:${kind}`, detail: `${notes.join(', ')} (${note})`, draft: d };
}
