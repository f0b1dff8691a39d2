import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBffApp, type TestBffApp } from '../../../mocks/bff-in-process';
import { callApi } from '../../../mocks/use-mock-fc';
// eslint-disable-next-line import-x/no-restricted-paths -- the Version/Alias selector must read what the real engine keeps; the bff reaches it only over HTTP
import { startHarness, type Harness } from '../../engine/conformance/harness';
import { localConnection } from '../connection';

let harness: Harness;
let app: TestBffApp;
const NEW_CODE = "exports.handler = async () => 'deployed later';\n";

beforeAll(async () => {
  harness = await startHarness({});
  const { engine } = harness;
  const { accessKeyId, accessKeySecret, accountId } = engine.credentials;
  app = createTestBffApp(
    localConnection({ endpoint: `127.0.0.1:${engine.port}`, accessKeyId, accessKeySecret, accountId }),
  );
});

afterAll(async () => {
  await harness.close();
});

describe('a function read at a version or alias, from the real engine', () => {
  it('answers the code and configuration an alias runs after LATEST moved on', async () => {
    const fn = '/api/functions/pinned';
    const created = await callApi(app, 'POST', '/api/functions', {
      functionName: 'pinned',
      template: 'nodejs-event-http',
      timeout: 10,
    });
    expect(created.status).toBe(201);
    expect((await callApi(app, 'POST', `${fn}/versions`, {})).status).toBe(201);
    expect((await callApi(app, 'POST', `${fn}/aliases`, { aliasName: 'prod', versionId: '1' })).status).toBe(201);
    const original = (await callApi(app, 'GET', `${fn}/code`)).body.files;
    expect((await callApi(app, 'PUT', `${fn}/code`, { files: [{ path: 'index.js', content: NEW_CODE }] })).status).toBe(
      200,
    );
    expect((await callApi(app, 'PUT', fn, { timeout: 30 })).status).toBe(200);

    const latest = await callApi(app, 'GET', `${fn}/code`);
    expect(latest.body.files.find((f: { path: string }) => f.path === 'index.js').content).toBe(NEW_CODE);
    const pinned = await callApi(app, 'GET', `${fn}/code?qualifier=prod`);
    expect(pinned.status).toBe(200);
    expect(pinned.body.files).toEqual(original);
    expect((await callApi(app, 'GET', `${fn}?qualifier=prod`)).body.timeout).toBe(10);
    expect((await callApi(app, 'GET', `${fn}?qualifier=1`)).body.timeout).toBe(10);
    expect((await callApi(app, 'GET', fn)).body.timeout).toBe(30);
  }, 60_000);
});
