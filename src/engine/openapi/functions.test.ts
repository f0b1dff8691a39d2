import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { $FC, HELLO_ZIP, createFunction, sdkError, useTestEngine, zipBase64 } from './testing/engine-kit';

const kit = useTestEngine();

describe('functions through the official SDK', () => {
  it('creates a function with FC defaults and reads it back', async () => {
    const created = await createFunction(kit.client, 'hello_fn', {
      description: 'says hello',
      environmentVariables: { A: '1' },
    });
    expect(created.statusCode).toBe(200);
    expect(created.headers?.['x-fc-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body).toMatchObject({
      functionName: 'hello_fn',
      runtime: 'nodejs20',
      handler: 'index.handler',
      timeout: 3,
      memorySize: 512,
      instanceConcurrency: 1,
      description: 'says hello',
      environmentVariables: { A: '1' },
      codeSize: Buffer.from(HELLO_ZIP, 'base64').byteLength,
      functionArn: `acs:fc:cn-hangzhou:${kit.engine.credentials.accountId}:functions/hello_fn`,
    });
    expect(created.body?.codeChecksum).toMatch(/^[0-9a-f]{64}$/);
    expect(created.body?.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const got = await kit.client.getFunction('hello_fn', new $FC.GetFunctionRequest({}));
    expect(got.body?.toMap()).toEqual(created.body?.toMap());
  });

  it('lists functions by prefix, a page at a time', async () => {
    for (const name of ['app_a', 'app_b', 'app_c', 'other']) await createFunction(kit.client, name);
    const first = await kit.client.listFunctions(new $FC.ListFunctionsRequest({ prefix: 'app_', limit: 2 }));
    expect(first.body?.functions?.map((f) => f.functionName)).toEqual(['app_a', 'app_b']);
    expect(first.body?.nextToken).toBeTruthy();
    const second = await kit.client.listFunctions(
      new $FC.ListFunctionsRequest({ prefix: 'app_', limit: 2, nextToken: first.body?.nextToken }),
    );
    expect(second.body?.functions?.map((f) => f.functionName)).toEqual(['app_c']);
    expect(second.body?.nextToken).toBeUndefined();
    const all = await kit.client.listFunctions(new $FC.ListFunctionsRequest({}));
    expect(all.body?.functions).toHaveLength(4);
  });

  it('refuses a page size past 100 with the contract’s message for limit', async () => {
    const error = await sdkError(kit.client.listFunctions(new $FC.ListFunctionsRequest({ limit: 101 })));
    expect(error).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(error.data.Message).toBe('limit: Limit is a whole number from 1 to 100.');
  });

  it('updates settings and code; the checksum follows the code', async () => {
    const created = await createFunction(kit.client, 'fn');
    const updated = await kit.client.updateFunction(
      'fn',
      new $FC.UpdateFunctionRequest({
        body: new $FC.UpdateFunctionInput({
          timeout: 60,
          code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.js': 'exports.handler = () => 2;' }) }),
        }),
      }),
    );
    expect(updated.body).toMatchObject({ timeout: 60, memorySize: 512, runtime: 'nodejs20' });
    expect(updated.body?.codeChecksum).not.toBe(created.body?.codeChecksum);
    expect(updated.body?.functionId).toBe(created.body?.functionId);
  });

  it('answers FunctionAlreadyExists, FunctionNotFound and InvalidArgument naming the field', async () => {
    await createFunction(kit.client, 'fn');
    const duplicate = await sdkError(createFunction(kit.client, 'fn'));
    expect(duplicate).toMatchObject({ statusCode: 409, code: 'FunctionAlreadyExists' });
    expect(duplicate.data).toMatchObject({ Code: 'FunctionAlreadyExists', RequestId: expect.any(String) });

    expect(await sdkError(kit.client.getFunction('missing', new $FC.GetFunctionRequest({})))).toMatchObject({
      statusCode: 404,
      code: 'FunctionNotFound',
    });
    const badTimeout = await sdkError(createFunction(kit.client, 'slow', { timeout: 0 }));
    expect(badTimeout).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(badTimeout.message).toContain('timeout: Timeout is a whole number of seconds from 1 to 86400.');
    const badName = await sdkError(createFunction(kit.client, '1fn'));
    expect(badName.message).toContain('functionName:');
  });

  it('refuses code that is not a zip, and stores nothing', async () => {
    const notZip = Buffer.from('definitely not a zip file').toString('base64');
    const error = await sdkError(
      createFunction(kit.client, 'fn', { code: new $FC.InputCodeLocation({ zipFile: notZip }) }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(error.message).toContain('code.zipFile');
    expect(await sdkError(kit.client.getFunction('fn', new $FC.GetFunctionRequest({})))).toMatchObject({
      code: 'FunctionNotFound',
    });
  });

  it('serves the code zip from an expiring, signed GetFunctionCode URL', async () => {
    const created = await createFunction(kit.client, 'fn');
    const code = await kit.client.getFunctionCode('fn', new $FC.GetFunctionCodeRequest({}));
    expect(code.body?.checksum).toBe(created.body?.codeChecksum);
    const url = code.body?.url ?? '';
    expect(url.startsWith(`http://127.0.0.1:${kit.engine.port}/`)).toBe(true);

    const download = await fetch(url);
    expect(download.status).toBe(200);
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    expect(new TextDecoder().decode(files['index.js'])).toContain('hello');

    const forged = await fetch(url.replace(/signature=(.)/, (_m, c: string) => `signature=${c === '0' ? '1' : '0'}`));
    expect(forged.status).toBe(403);
  });

  it('deletes a function', async () => {
    await createFunction(kit.client, 'fn');
    const deleted = await kit.client.deleteFunction('fn');
    expect(deleted.statusCode).toBe(204);
    expect(await sdkError(kit.client.getFunction('fn', new $FC.GetFunctionRequest({})))).toMatchObject({
      statusCode: 404,
      code: 'FunctionNotFound',
    });
  });
});
