import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import * as $dara from '@darabonba/typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RUNTIMES } from '../../contract/function';
import { $FC, sdkError, zipBase64 } from '../openapi/testing/engine-kit';
import { call, deployTrigger, startHarness, uniqueName, type Harness } from './harness';

// A function the cloud can hold can be stored and listed here; what the engine cannot run says so.
let h: Harness;
beforeAll(async () => (h = await startHarness({ asyncPollMs: 50 })));
afterAll(() => h.close());

const HANDLER_ZIP = zipBase64({ 'index.py': 'def handler(event, context):\n    return "hi"\n' });

function createWithRuntime(runtime: string, extra: Partial<$FC.CreateFunctionInput> = {}) {
  const functionName = uniqueName(runtime.replace(/\W/g, '_'));
  return h.client
    .createFunction(
      new $FC.CreateFunctionRequest({
        body: new $FC.CreateFunctionInput({
          functionName,
          runtime,
          handler: 'index.handler',
          code: new $FC.InputCodeLocation({ zipFile: HANDLER_ZIP }),
          ...extra,
        }),
      }),
    )
    .then(() => functionName);
}

const invoke = (fn: string, headers: Partial<$FC.InvokeFunctionHeaders> = {}) =>
  h.client.invokeFunctionWithOptions(
    fn,
    new $FC.InvokeFunctionRequest({ body: Readable.from([Buffer.from('{}')]) }),
    new $FC.InvokeFunctionHeaders(headers),
    new $dara.RuntimeOptions({}),
  );

describe('every FC 3.0 runtime', () => {
  it.each([
    'python3.10',
    'python3.12',
    'java11',
    'java17',
    'php7.2',
    'go1',
    'dotnetcore3.1',
    'custom.debian12',
    'nodejs16',
  ])('%s is stored, got and listed as sent', async (runtime) => {
    const fn = await createWithRuntime(
      runtime,
      runtime.startsWith('custom')
        ? { customRuntimeConfig: new $FC.CustomRuntimeConfig({ command: ['./bootstrap'] }) }
        : {},
    );
    expect((await h.client.getFunction(fn, new $FC.GetFunctionRequest({}))).body?.runtime).toBe(runtime);
    const listed = await h.client.listFunctions(new $FC.ListFunctionsRequest({ prefix: fn }));
    expect(listed.body?.functions?.map((f) => [f.functionName, f.runtime])).toEqual([[fn, runtime]]);
  });

  it('custom-container takes customContainerConfig instead of code, and keeps it', async () => {
    const image = 'registry.cn-hangzhou.aliyuncs.com/demo/web:v1';
    const config = new $FC.CustomContainerConfig({ image, port: 8080, command: ['node'], entrypoint: ['server.js'] });
    const fn = uniqueName('container');
    await h.client.createFunction(
      new $FC.CreateFunctionRequest({
        body: new $FC.CreateFunctionInput({
          functionName: fn,
          runtime: 'custom-container',
          customContainerConfig: config,
        }),
      }),
    );
    const got = (await h.client.getFunction(fn, new $FC.GetFunctionRequest({}))).body!;
    expect(got.customContainerConfig).toMatchObject({
      image,
      port: 8080,
      command: ['node'],
      entrypoint: ['server.js'],
    });
    const missing = await sdkError(
      h.client.createFunction(
        new $FC.CreateFunctionRequest({
          body: new $FC.CreateFunctionInput({ functionName: uniqueName('bare'), runtime: 'custom-container' }),
        }),
      ),
    );
    expect(missing).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(missing.message).toContain('customContainerConfig');
  });

  it('UpdateFunction moves a function to another FC runtime', async () => {
    const fn = await createWithRuntime('nodejs20');
    const updated = await h.client.updateFunction(
      fn,
      new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ runtime: 'java8' }) }),
    );
    expect(updated.body?.runtime).toBe('java8');
    const noImage = await sdkError(
      h.client.updateFunction(
        fn,
        new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ runtime: 'custom-container' }) }),
      ),
    );
    expect(noImage).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    const container = new $FC.CustomContainerConfig({ image: 'registry.cn-hangzhou.aliyuncs.com/demo/app:v2' });
    const moved = await h.client.updateFunction(
      fn,
      new $FC.UpdateFunctionRequest({
        body: new $FC.UpdateFunctionInput({ runtime: 'custom-container', customContainerConfig: container }),
      }),
    );
    expect(moved.body?.customContainerConfig?.image).toBe(container.image);
  });

  it('a runtime FC does not know is refused', async () => {
    expect(await sdkError(createWithRuntime('cobol85'))).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
  });

  it('the contract lists every runtime the SDK documents', () => {
    const documented = [
      'nodejs12',
      'nodejs14',
      'nodejs16',
      'nodejs18',
      'nodejs20',
      'go1',
      'python3',
      'python3.9',
      'python3.10',
      'java8',
      'java11',
      'php7.2',
      'dotnetcore3.1',
      'custom',
      'custom.debian10',
      'custom-container',
    ];
    expect(RUNTIMES).toEqual(expect.arrayContaining(documented));
  });
});

it.each(['nodejs12', 'nodejs16'])('%s runs on the engine, as every nodejs* runtime does', async (runtime) => {
  const fn = await createWithRuntime(runtime, {
    code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.js': 'exports.handler = async () => "ran";' }) }),
  });
  expect(await text((await invoke(fn)).body!)).toBe('ran');
});

it.each(['python3.9', 'python3.10', 'python3.12'])("%s runs on the machine's python3", async (runtime) => {
  const fn = await createWithRuntime(runtime);
  expect(await text((await invoke(fn)).body!)).toBe('hi');
});

describe('a runtime the engine cannot run', () => {
  it('InvokeFunction answers 501 RuntimeNotSupportedLocally, saying it runs in the cloud only', async () => {
    const fn = await createWithRuntime('php7.2');
    const error = await sdkError(invoke(fn));
    expect(error).toMatchObject({ statusCode: 501, code: 'RuntimeNotSupportedLocally' });
    expect(error.message).toContain('runs in the cloud only; use a custom runtime to run it here');
  });

  it('its trigger answers 501 with the code, as JSON', async () => {
    const fn = await createWithRuntime('java11');
    const { urlInternet } = await deployTrigger(h, fn, { methods: ['GET'], authType: 'anonymous' });
    const reply = await call(urlInternet);
    expect(reply.status).toBe(501);
    expect(reply.json()).toMatchObject({ Code: 'RuntimeNotSupportedLocally' });
  });

  it('an async invocation fails at once, without retries', async () => {
    const fn = await createWithRuntime('go1');
    const taskId = (await invoke(fn, { xFcInvocationType: 'Async' })).headers!['x-fc-async-task-id']!;
    const task = await vi.waitFor(
      async () => {
        const got = (await h.client.getAsyncTask(fn, taskId, new $FC.GetAsyncTaskRequest({}))).body!;
        expect(got.status).toBe('Failed');
        return got;
      },
      { timeout: 8000, interval: 50 },
    );
    expect(task).toMatchObject({
      alreadyRetriedTimes: 0,
      taskErrorMessage: expect.stringContaining('RuntimeNotSupportedLocally'),
    });
  });
});
