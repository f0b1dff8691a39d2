import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localConnection } from './bff/connection';
import { flaskAvailable } from './bff/templates/testing/flask-available';
import { startBff, type RunningBff } from './bff/server';
import { FUNCTION_TEMPLATES, type FunctionTemplate } from './contract/function';
import type { Trigger } from './contract/trigger';
import { call, startHarness, type Harness } from './engine/conformance/harness';

// What `npm start` puts together: the engine and the console's bff, the bff reaching the engine
// only through the SDK. A person creates a function from each template, an anonymous HTTP
// trigger, and calls its URL.
let harness: Harness;
let bff: RunningBff;

beforeAll(async () => {
  harness = await startHarness();
  const { engine } = harness;
  const { accessKeyId, accessKeySecret, accountId } = engine.credentials;
  const connection = localConnection({
    endpoint: `127.0.0.1:${engine.port}`,
    accessKeyId,
    accessKeySecret,
    accountId,
    region: engine.region,
  });
  bff = await startBff({ host: '127.0.0.1', port: 0, connection });
});
afterAll(async () => {
  await bff?.close();
  await harness?.close();
});

async function api<T>(method: string, url: string, body: object): Promise<{ status: number; json: T }> {
  const res = await fetch(`${bff.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

const hasPython = spawnSync('python3', ['--version']).status === 0;
const canRun = (template: FunctionTemplate) =>
  template === 'custom-runtime' ? hasPython : template === 'python-flask' ? flaskAvailable() : true;

describe('each Create Function template, behind an anonymous HTTP trigger, answers 200 at once', () => {
  // The Python templates run python3 (Flask's, Flask too): on a machine without it that case is reported skipped.
  for (const template of FUNCTION_TEMPLATES) it.skipIf(!canRun(template))(template, () => createAndCall(template));
});

async function createAndCall(template: FunctionTemplate) {
  const functionName = `tpl_${template.replace(/-/g, '_')}`;
  const created = await api<{ functionName: string }>('POST', '/api/functions', { functionName, template });
  expect([created.status, created.json.functionName]).toEqual([201, functionName]);

  const triggerConfig = { methods: ['GET', 'POST'], authType: 'anonymous' };
  const trigger = await api<Trigger>('POST', `/api/functions/${functionName}/triggers`, {
    triggerName: 'http',
    triggerType: 'http',
    triggerConfig,
  });
  expect(trigger.status).toBe(201);
  expect(trigger.json.httpTrigger.urlInternet).toMatch(
    new RegExp(`^http://tpl-.+\\.cn-hangzhou\\.fcapp\\.localhost:${harness.engine.port}$`),
  );

  // The Flask template routes / and /test only, as the seeds' example does.
  const path = template === 'python-flask' ? '/test' : '/hello?from=cli';
  const reply = await call(trigger.json.httpTrigger.urlInternet, { path });
  expect(reply.status).toBe(200);
  expect(reply.json()).toMatchObject({ method: 'GET', path: expect.stringMatching(/^\/(hello|test)/) });
}
