import { describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { seedAlias, seedFunction, seedVersions } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

useMockFc();

describe('a function read at a version or alias (?qualifier=)', () => {
  it('answers the configuration and code a version or alias runs, LATEST without one', async () => {
    seedFunction({ ...helloFunction, timeout: 10 });
    seedVersions('hello-world', 1);
    seedAlias('hello-world', 'prod', '1');
    const app = createTestBffApp();
    await callApi(app, 'PUT', '/api/functions/hello-world', { timeout: 30 });

    expect((await callApi(app, 'GET', '/api/functions/hello-world')).body.timeout).toBe(30);
    expect((await callApi(app, 'GET', '/api/functions/hello-world?qualifier=1')).body.timeout).toBe(10);
    expect((await callApi(app, 'GET', '/api/functions/hello-world?qualifier=prod')).body.timeout).toBe(10);
    const code = await callApi(app, 'GET', '/api/functions/hello-world/code?qualifier=prod');
    expect(code.status).toBe(200);
    expect(code.body.files.map((f: { path: string }) => f.path)).toContain('index.js');
  });

  it('refuses a malformed qualifier with a field error, and answers FC’s 404 for an unknown one', async () => {
    seedFunction(helloFunction);
    const app = createTestBffApp();
    const bad = await callApi(app, 'GET', '/api/functions/hello-world?qualifier=no%20such');
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ qualifier: 'qualifier.format' });
    const missing = await callApi(app, 'GET', '/api/functions/hello-world?qualifier=7');
    expect(missing.status).toBe(404);
  });
});
