import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFunction, startHarness, type Harness } from '../conformance/harness';
import { GATED } from './testing/request-gate';
import { $FC, sdkError } from './testing/engine-kit';

// The async invoke configs live with the async queue, which the full local engine runs.
let h: Harness;
let fnA = '';
let fnB = '';
beforeAll(async () => {
  h = await startHarness();
  [fnA, fnB] = [await deployFunction(h, GATED, 'async_a'), await deployFunction(h, GATED, 'async_b')];
  await h.client.publishFunctionVersion(
    fnA,
    new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) }),
  );
});
afterAll(() => h.close());

const arn = (name: string) => `acs:fc:cn-hangzhou:${h.engine.credentials.accountId}:functions/${name}`;

const putConfig = (functionName: string, qualifier: string | undefined, maxAsyncRetryAttempts: number) =>
  h.client.putAsyncInvokeConfig(
    functionName,
    new $FC.PutAsyncInvokeConfigRequest({
      qualifier,
      body: new $FC.PutAsyncInvokeConfigInput({ maxAsyncRetryAttempts }),
    }),
  );

const list = (request: Partial<$FC.ListAsyncInvokeConfigsRequest> = {}) =>
  h.client.listAsyncInvokeConfigs(new $FC.ListAsyncInvokeConfigsRequest(request));

describe('ListAsyncInvokeConfigs through the official SDK', () => {
  it('lists every config with a functionArn naming its qualifier, a page at a time, or one function’s', async () => {
    await putConfig(fnA, undefined, 1);
    await putConfig(fnA, '1', 2);
    await putConfig(fnB, undefined, 3);

    // Ordered by function, then qualifier.
    const all = await list();
    expect(all.body).toBeInstanceOf($FC.ListAsyncInvokeConfigOutput);
    expect(all.body?.configs?.map((c) => [c.functionArn, c.maxAsyncRetryAttempts])).toEqual([
      [`${arn(fnA)}/1`, 2],
      [arn(fnA), 1],
      [arn(fnB), 3],
    ]);
    expect(all.body?.configs?.[0]).toMatchObject({ maxAsyncEventAgeInSeconds: 86400 });
    expect(all.body?.configs?.[0]?.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const first = await list({ limit: 2 });
    expect(first.body?.configs).toHaveLength(2);
    const second = await list({ limit: 2, nextToken: first.body?.nextToken });
    expect(second.body?.configs?.map((c) => c.functionArn)).toEqual([arn(fnB)]);
    expect(second.body?.nextToken).toBeUndefined();

    const own = await list({ functionName: fnB });
    expect(own.body?.configs?.map((c) => c.functionArn)).toEqual([arn(fnB)]);

    await h.client.deleteFunction(fnB);
    expect((await list()).body?.configs?.map((c) => c.functionArn)).toEqual([`${arn(fnA)}/1`, arn(fnA)]);
  });

  it('refuses a page size past 100 and an invalid function name', async () => {
    expect(await sdkError(list({ limit: 101 }))).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(await sdkError(list({ functionName: '1bad' }))).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
  });
});
