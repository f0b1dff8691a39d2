import { describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';
import { openConsoleStore } from '../console-store/console-store';

useMockFc();
const BASE = '/api/functions/hello-world/test-requests';
const GET_ROOT = { kind: 'http', method: 'GET', path: '/', query: [], headers: [], bodyType: 'text', body: '' };
const POST_JSON = { ...GET_ROOT, method: 'POST', bodyType: 'json', body: '{"a":1}' };

const given = () => createTestBffApp();

describe('saved test requests', () => {
  it('creates, lists, renames, edits and deletes a request, per function', async () => {
    const app = given();
    const created = await callApi(app, 'POST', BASE, { name: 'root', request: GET_ROOT });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name: 'root',
      request: GET_ROOT,
      updatedAt: expect.any(String),
    });
    await callApi(app, 'POST', BASE, { name: 'another', request: { kind: 'event', event: '{}' } });
    expect((await callApi(app, 'GET', BASE)).body.testRequests.map((r: { name: string }) => r.name)).toEqual([
      'another',
      'root',
    ]);
    expect((await callApi(app, 'GET', '/api/functions/other/test-requests')).body.testRequests).toEqual([]);

    const renamed = await callApi(app, 'PUT', `${BASE}/${created.body.id}`, { name: 'post json', request: POST_JSON });
    expect(renamed.body).toMatchObject({ id: created.body.id, name: 'post json', request: POST_JSON });

    expect((await callApi(app, 'DELETE', `${BASE}/${created.body.id}`)).status).toBe(204);
    expect((await callApi(app, 'GET', BASE)).body.testRequests.map((r: { name: string }) => r.name)).toEqual([
      'another',
    ]);
    expect((await callApi(app, 'DELETE', `${BASE}/${created.body.id}`)).body.code).toBe('TestRequestNotFound');
  });

  it('refuses a taken name and an invalid request, and changes nothing', async () => {
    const app = given();
    await callApi(app, 'POST', BASE, { name: 'root', request: GET_ROOT });
    const taken = await callApi(app, 'POST', BASE, { name: 'root', request: POST_JSON });
    expect([taken.status, taken.body.code]).toEqual([409, 'TestRequestAlreadyExists']);
    const invalid = await callApi(app, 'POST', BASE, { name: ' ', request: { ...GET_ROOT, path: 'no-slash' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields).toMatchObject({ name: 'name.required', 'request.path': expect.any(String) });
    const list = (await callApi(app, 'GET', BASE)).body.testRequests;
    expect(list).toHaveLength(1);
    expect(list[0].request).toEqual(GET_ROOT);
  });

  it('exports the saved requests as a JSON file download', async () => {
    const app = given();
    await callApi(app, 'POST', BASE, { name: 'root', request: GET_ROOT });
    const res = await app.request(`${BASE}/export`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="hello-world-test-requests.json"');
    const file = (await res.json()) as { functionName: string; testRequests: Array<{ name: string }> };
    expect(file.functionName).toBe('hello-world');
    expect(file.testRequests.map((r) => r.name)).toEqual(['root']);
  });

  it('keeps them in console.db in the data dir across restarts', async () => {
    const { mkdtempSync, rmSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'fc-console-store-'));
    try {
      const first = openConsoleStore(dir);
      first.testRequests.create('hello-world', { name: 'kept', request: { kind: 'event', event: '1' } });
      first.close();
      expect(existsSync(join(dir, 'console.db'))).toBe(true);
      const second = openConsoleStore(dir);
      expect(second.testRequests.list('hello-world').map((r) => r.name)).toEqual(['kept']);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
