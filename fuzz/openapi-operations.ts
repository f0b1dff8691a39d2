import type { Random } from './random';
import { EVENT_FUNCTION, EVENT_ZIP, SCRATCH_FUNCTION, SCRATCH_TRIGGER, WEB_FUNCTION, tempName } from './targets';

export type Operation = {
  name: string;
  method: string;
  path: (rng: Random) => string;
  query?: (rng: Random) => string;
  body?: (rng: Random) => object;
  payload?: boolean;
};

export const API = '/2023-03-30/functions';
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
export const OPERATIONS: readonly Operation[] = [
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
