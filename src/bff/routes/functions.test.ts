import { describe, expect, it } from 'vitest';
import { helloFunction, helloSource } from '../../../mocks/fixtures/functions';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { seedFunction } from '../../../mocks/fc-seed';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

useMockFc();

describe('functions', () => {
  it('creates a function from a template and lists it', async () => {
    const app = createTestBffApp();
    const created = await callApi(app, 'POST', '/api/functions', {
      functionName: 'my_web',
      template: 'nodejs-web',
      memorySize: 1024,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      functionName: 'my_web',
      runtime: 'custom.debian10',
      memorySize: 1024,
      customRuntimeConfig: { command: ['node'], args: ['server.js'], port: 9000 },
    });

    const list = await callApi(app, 'GET', '/api/functions');
    expect(list.status).toBe(200);
    expect(list.body.functions.map((f: { functionName: string }) => f.functionName)).toEqual(['my_web']);
  });

  it('pages the list with prefix, limit and nextToken', async () => {
    for (const name of ['a1', 'a2', 'a3', 'b1']) seedFunction({ ...helloFunction, functionName: name });
    const app = createTestBffApp();
    const first = await callApi(app, 'GET', '/api/functions?prefix=a&limit=2');
    expect(first.body.functions.map((f: { functionName: string }) => f.functionName)).toEqual(['a1', 'a2']);
    const second = await callApi(app, 'GET', `/api/functions?prefix=a&limit=2&nextToken=${first.body.nextToken}`);
    expect(second.body).toEqual({ functions: [expect.objectContaining({ functionName: 'a3' })] });
  });

  it('answers 409 FunctionAlreadyExists from FC when the name is taken', async () => {
    seedFunction(helloFunction);
    const res = await callApi(createTestBffApp(), 'POST', '/api/functions', {
      functionName: 'hello-world',
      template: 'nodejs-event-http',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'FunctionAlreadyExists', message: expect.stringContaining('hello-world') });
    expect(res.body.requestId).toMatch(/\S+/);
  });

  it('rejects a bad name and template with InvalidArgument and field keys, before calling FC', async () => {
    const res = await callApi(createTestBffApp(), 'POST', '/api/functions', { functionName: '1abc', template: 'php' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('InvalidArgument');
    expect(res.body.fields).toMatchObject({ functionName: 'name.format', template: expect.any(String) });
    expect(res.body.message).toContain('functionName: Use letters, digits');
  });

  it('validates path parameters', async () => {
    const res = await callApi(createTestBffApp(), 'GET', '/api/functions/-bad');
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({ functionName: 'name.format' });
  });

  it('answers 404 FunctionNotFound for a missing function', async () => {
    const res = await callApi(createTestBffApp(), 'GET', '/api/functions/missing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('FunctionNotFound');
  });

  it('shows the code files: text inline, binary flagged and empty', async () => {
    seedFunction(helloFunction);
    const res = await callApi(createTestBffApp(), 'GET', '/api/functions/hello-world/code');
    expect(res.status).toBe(200);
    expect(res.body.checksum).toMatch(/^[0-9a-f]{64}$/); // the engine's SHA-256
    expect(res.body.files).toEqual([
      { path: 'assets/logo.png', content: '', size: 10, binary: true },
      { path: 'index.js', content: helloSource, size: helloSource.length, binary: false },
    ]);
  });

  it('updates settings and deletes the function', async () => {
    seedFunction(helloFunction);
    const app = createTestBffApp();
    const updated = await callApi(app, 'PUT', '/api/functions/hello-world', {
      timeout: 30,
      environmentVariables: { MODE: 'dev' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ timeout: 30, environmentVariables: { MODE: 'dev' }, runtime: 'nodejs20' });

    const bad = await callApi(app, 'PUT', '/api/functions/hello-world', { timeout: 0 });
    expect(bad.body.fields).toEqual({ timeout: 'function.timeout.range' });

    expect((await callApi(app, 'DELETE', '/api/functions/hello-world')).status).toBe(204);
    expect((await callApi(app, 'GET', '/api/functions/hello-world')).status).toBe(404);
  });
});
