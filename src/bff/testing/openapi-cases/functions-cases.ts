import * as $FC from '@alicloud/fc20230330';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FUNCTION_DEFAULTS } from '../../../contract/function';
import { FUNCTION_CLOUD_DEFAULTS } from '../../../contract/function-cloud-settings';
import { openApiErrors } from '../../../contract/openapi-errors';
import { createFunction, expectOpenApiError, failureOf, uniqueName, zipBase64, type TargetOf } from './target';

async function download(url: string): Promise<Record<string, string>> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
}

/** Functions: create, get, list (limit, nextToken, prefix), update, delete, code. */
export function functionCases(target: TargetOf) {
  describe('functions', () => {
    it('creates a function and answers it as the SDK models it; GetFunction answers the same', async () => {
      const name = uniqueName('fn');
      const { body } = await createFunction(target, name, { description: 'first', timeout: 5 });
      expect(body).toMatchObject({
        functionName: name,
        runtime: 'nodejs20',
        handler: 'index.handler',
        description: 'first',
        timeout: 5,
        functionArn: expect.stringMatching(new RegExp(`^acs:fc:cn-hangzhou:\\d+:functions/${name}$`)),
        codeChecksum: expect.stringMatching(/^[0-9a-f]{64}$/),
        codeSize: expect.any(Number),
        createdTime: expect.any(String),
        lastModifiedTime: expect.any(String),
      });
      const got = await target().fcCall((fc) => fc.getFunction(name, new $FC.GetFunctionRequest({})));
      expect(got.body).toMatchObject({ functionName: name, codeChecksum: body?.codeChecksum, description: 'first' });
    });

    it('answers the service defaults for the settings never sent, on Create, Get and List', async () => {
      const name = uniqueName('fn');
      const defaults = {
        handler: 'index.handler',
        description: '',
        ...FUNCTION_DEFAULTS,
        environmentVariables: {},
        ...FUNCTION_CLOUD_DEFAULTS,
      };
      const { body } = await createFunction(target, name);
      expect(body?.toMap()).toMatchObject(defaults);
      expect(body?.toMap()).not.toHaveProperty('cpu');
      const got = await target().fcCall((fc) => fc.getFunction(name, new $FC.GetFunctionRequest({})));
      expect(got.body?.toMap()).toMatchObject(defaults);
      const listed = await target().fcCall((fc) => fc.listFunctions(new $FC.ListFunctionsRequest({ prefix: name })));
      expect(listed.body?.functions?.[0]?.toMap()).toMatchObject(defaults);
    });

    it('answers 409 FunctionAlreadyExists to a second function of the same name', async () => {
      const name = uniqueName('fn');
      await createFunction(target, name);
      await expectOpenApiError(createFunction(target, name), openApiErrors.functionAlreadyExists(name));
    });

    it('answers 404 FunctionNotFound to every call on a function that does not exist', async () => {
      const name = uniqueName('missing');
      const expected = openApiErrors.functionNotFound(name);
      const fc = target().fcCall;
      await expectOpenApiError(
        fc((c) => c.getFunction(name, new $FC.GetFunctionRequest({}))),
        expected,
      );
      await expectOpenApiError(
        fc((c) =>
          c.updateFunction(
            name,
            new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ description: 'x' }) }),
          ),
        ),
        expected,
      );
      await expectOpenApiError(
        fc((c) => c.deleteFunction(name)),
        expected,
      );
      await expectOpenApiError(
        fc((c) => c.getFunctionCode(name, new $FC.GetFunctionCodeRequest({}))),
        expected,
      );
      await expectOpenApiError(
        fc((c) => c.listTriggers(name, new $FC.ListTriggersRequest({}))),
        expected,
      );
      await expectOpenApiError(
        fc((c) => c.listFunctionVersions(name, new $FC.ListFunctionVersionsRequest({}))),
        expected,
      );
      await expectOpenApiError(
        fc((c) => c.listAliases(name, new $FC.ListAliasesRequest({}))),
        expected,
      );
      await expectOpenApiError(
        fc((c) => c.listAsyncTasks(name, new $FC.ListAsyncTasksRequest({}))),
        expected,
      );
    });

    it('answers 400 InvalidArgument naming the field for a bad function name', async () => {
      const error = await failureOf(createFunction(target, '9-starts-with-a-digit'));
      expect({ status: error.status, code: error.code }).toEqual({ status: 400, code: 'InvalidArgument' });
      expect(error.message).toContain('functionName');
    });

    it('lists in name order, a page at a time (limit, nextToken), only the names with the prefix', async () => {
      const prefix = uniqueName('page');
      const names = ['c', 'a', 'b'].map((letter) => `${prefix}_${letter}`);
      for (const name of names) await createFunction(target, name);
      await createFunction(target, `other_${prefix}`);
      const list = (nextToken?: string) =>
        target().fcCall((fc) => fc.listFunctions(new $FC.ListFunctionsRequest({ prefix, limit: 2, nextToken })));
      const first = (await list()).body;
      expect(first?.functions?.map((f) => f.functionName)).toEqual([`${prefix}_a`, `${prefix}_b`]);
      expect(first?.nextToken).toEqual(expect.any(String));
      const second = (await list(first?.nextToken)).body;
      expect(second?.functions?.map((f) => f.functionName)).toEqual([`${prefix}_c`]);
      expect(second?.nextToken ?? '').toBe('');
    });

    it('updates settings and keeps the rest; deletes with 204, after which it is 404', async () => {
      const name = uniqueName('fn');
      await createFunction(target, name, { description: 'before', memorySize: 256 });
      const body = new $FC.UpdateFunctionInput({ description: 'after' });
      const updated = await target().fcCall((fc) => fc.updateFunction(name, new $FC.UpdateFunctionRequest({ body })));
      expect(updated.body).toMatchObject({ functionName: name, description: 'after', memorySize: 256 });
      const deleted = await target().fcCall((fc) => fc.deleteFunction(name));
      expect(deleted.statusCode).toBe(204);
      await expectOpenApiError(
        target().fcCall((fc) => fc.getFunction(name, new $FC.GetFunctionRequest({}))),
        openApiErrors.functionNotFound(name),
      );
    });

    it('answers the code (checksum and a URL to its zip) and takes new code on UpdateFunction', async () => {
      const name = uniqueName('fn');
      const created = (await createFunction(target, name)).body;
      const getCode = () => target().fcCall((fc) => fc.getFunctionCode(name, new $FC.GetFunctionCodeRequest({})));
      const before = (await getCode()).body;
      expect(before?.checksum).toBe(created?.codeChecksum);
      expect(await download(before!.url!)).toEqual({ 'index.js': expect.stringContaining('event.toString()') });

      const source = 'exports.handler = async () => "v2";\n';
      const code = new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.js': source }) });
      const body = new $FC.UpdateFunctionInput({ code });
      const updated = (await target().fcCall((fc) => fc.updateFunction(name, new $FC.UpdateFunctionRequest({ body }))))
        .body;
      expect(updated?.codeChecksum).not.toBe(created?.codeChecksum);
      const after = (await getCode()).body;
      expect(after?.checksum).toBe(updated?.codeChecksum);
      expect(await download(after!.url!)).toEqual({ 'index.js': source });
    });

    it('answers 400 InvalidArgument for code that is not a zip', async () => {
      const code = new $FC.InputCodeLocation({ zipFile: Buffer.from('not a zip').toString('base64') });
      const error = await failureOf(createFunction(target, uniqueName('fn'), { code }));
      expect({ status: error.status, code: error.code }).toEqual({ status: 400, code: 'InvalidArgument' });
      expect(error.message).toMatch(/^code\.zipFile: /);
    });
  });
}
