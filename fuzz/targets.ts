import { createSecretKey, randomBytes } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import { SignJWT } from 'jose';
import { triggerUrls } from '../src/contract/trigger-url';
import { callOpenApi, readEngineKeys, type EngineKeys } from './engine-keys';
import type { FuzzStack } from './stack';

/**
 * What the fuzzer creates before it starts, through the signed OpenAPI: an event function and a
 * web function that always answer 200 (so any 5xx is the engine's), a trigger of each auth type,
 * and a scratch function that the OpenAPI and console mutations may change or break. The
 * functions that triggers call are never written to by a fuzzed request.
 */
export const EVENT_FUNCTION = 'fuzz_event';
export const WEB_FUNCTION = 'fuzz_web';
export const SCRATCH_FUNCTION = 'fuzz_scratch';
export const SCRATCH_TRIGGER = 'scratch_http';
/** Names fuzzed creates use, and the only ones fuzzed deletes name. */
export const tempName = (n: number) => `fuzz_tmp_${n}`;

export type AuthKind = 'anonymous' | 'function' | 'basic' | 'bearer' | 'jwt';

export type TriggerTarget = {
  name: string;
  functionName: string;
  auth: AuthKind;
  /** Host headers of the internet and intranet URLs, port included. */
  hosts: { internet: string; intranet: string };
};

export type Targets = {
  enginePort: number;
  consolePort: number;
  region: string;
  keys: EngineKeys;
  triggers: TriggerTarget[];
  basic: { username: string; password: string };
  bearerToken: string;
  /** A JWT the jwt trigger accepts, and one signed with another key. */
  jwt: { valid: string; foreignKey: string };
};

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'];

const EVENT_CODE = `exports.handler = async (event) => {
  try {
    const req = JSON.parse(Buffer.from(event).toString());
    if (!req || !req.requestContext) return 'ok';
    return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok ' + String(req.body || '').length };
  } catch {
    return 'ok';
  }
};
`;

const WEB_CODE = `require('node:http')
  .createServer((req, res) => {
    let size = 0;
    req.on('data', (chunk) => (size += chunk.length));
    req.on('error', () => undefined);
    req.on('end', () => res.end('ok ' + size));
  })
  .listen(Number(process.env.FC_SERVER_PORT), '127.0.0.1');
`;

export const zipOf = (files: Record<string, string>) =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])))).toString('base64');

export const EVENT_ZIP = zipOf({ 'index.js': EVENT_CODE });

async function must(call: Promise<{ status: number; json: Record<string, unknown> }>, what: string) {
  const { status, json } = await call;
  if (status >= 300) throw new Error(`set-up: ${what} answered ${status} ${JSON.stringify(json)}`);
  return json;
}

export async function createTargets(stack: FuzzStack): Promise<Targets> {
  const keys = readEngineKeys(stack.dataDir);
  const api = (method: string, path: string, body?: unknown) => callOpenApi(stack.enginePort, keys, method, path, body);
  const fn = (name: string, extra: object) =>
    must(api('POST', '/2023-03-30/functions', { functionName: name, instanceConcurrency: 10, ...extra }), name);

  await fn(EVENT_FUNCTION, { runtime: 'nodejs20', handler: 'index.handler', code: { zipFile: EVENT_ZIP } });
  await fn(WEB_FUNCTION, {
    runtime: 'custom.debian10',
    customRuntimeConfig: { command: ['node'], args: ['server.js'], port: 9000 },
    code: { zipFile: zipOf({ 'server.js': WEB_CODE }) },
  });
  await fn(SCRATCH_FUNCTION, { runtime: 'nodejs20', handler: 'index.handler', code: { zipFile: EVENT_ZIP } });

  const basic = { username: 'fuzz-user-0001', password: 'Fuzz-Pass-0001!' };
  const bearerToken = randomBytes(30).toString('base64');
  const hmac = randomBytes(32);
  const jwks = { keys: [{ kty: 'oct', kid: 'fuzz', alg: 'HS256', k: hmac.toString('base64url') }] };
  const sign = (secret: Buffer) =>
    new SignJWT({ sub: 'fuzzer' })
      .setProtectedHeader({ alg: 'HS256', kid: 'fuzz' })
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(createSecretKey(secret));

  const configs: Array<[string, string, AuthKind, object?]> = [
    ['event_anonymous', EVENT_FUNCTION, 'anonymous'],
    ['event_function', EVENT_FUNCTION, 'function'],
    ['event_basic', EVENT_FUNCTION, 'basic', { users: [basic] }],
    ['event_bearer', EVENT_FUNCTION, 'bearer', { tokens: [{ name: 'fuzz', token: bearerToken }] }],
    [
      'event_jwt',
      EVENT_FUNCTION,
      'jwt',
      { jwks, tokenLookup: 'header:Authorization:Bearer ,cookie:fuzz_jwt,query:jwt', claimPassBy: 'header:sub:x-sub' },
    ],
    ['web_anonymous', WEB_FUNCTION, 'anonymous'],
    ['web_basic', WEB_FUNCTION, 'basic', { users: [basic] }],
    [SCRATCH_TRIGGER, SCRATCH_FUNCTION, 'anonymous'],
  ];
  const triggers: TriggerTarget[] = [];
  // A qualifier has at most one HTTP trigger: the second trigger of a function goes on version 1, and so on.
  const perFunction = new Map<string, number>();
  for (const [name, functionName, auth, authConfig] of configs) {
    const version = perFunction.get(functionName) ?? 0;
    perFunction.set(functionName, version + 1);
    if (version > 0)
      await must(api('POST', `/2023-03-30/functions/${functionName}/versions`, {}), `version of ${functionName}`);
    const triggerConfig = { methods: METHODS, authType: auth, ...(authConfig ? { authConfig } : {}) };
    const created = await must(
      api('POST', `/2023-03-30/functions/${functionName}/triggers`, {
        triggerName: name,
        triggerType: 'http',
        qualifier: version === 0 ? 'LATEST' : String(version),
        triggerConfig: JSON.stringify(triggerConfig),
      }),
      `trigger ${name}`,
    );
    const internet = String((created.httpTrigger as { urlInternet?: string } | undefined)?.urlInternet ?? '');
    const label = new URL(internet).hostname.split('.')[0] ?? '';
    const urls = triggerUrls(label, stack.region, stack.enginePort);
    if (functionName !== SCRATCH_FUNCTION)
      triggers.push({
        name,
        functionName,
        auth,
        hosts: { internet: new URL(urls.urlInternet).host, intranet: new URL(urls.urlIntranet).host },
      });
  }
  return {
    enginePort: stack.enginePort,
    consolePort: stack.consolePort,
    region: stack.region,
    keys,
    triggers,
    basic,
    bearerToken,
    jwt: { valid: await sign(hmac), foreignKey: await sign(randomBytes(32)) },
  };
}
