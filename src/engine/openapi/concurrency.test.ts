import { describe, expect, it } from 'vitest';
import { $FC, createFunction, sdkError, useTestEngine, type FcClientInstance } from './testing/engine-kit';

const kit = useTestEngine((client) => createFunction(client, 'fn'));

const put = (client: FcClientInstance, functionName: string, reservedConcurrency: number) =>
  client.putConcurrencyConfig(
    functionName,
    new $FC.PutConcurrencyConfigRequest({ body: new $FC.PutConcurrencyInput({ reservedConcurrency }) }),
  );

const arn = (name: string) => `acs:fc:cn-hangzhou:${kit.engine.credentials.accountId}:functions/${name}`;

describe('concurrency configs through the official SDK', () => {
  it('puts, reads back, replaces and deletes a reserved concurrency', async () => {
    const created = await put(kit.client, 'fn', 3);
    expect(created.statusCode).toBe(200);
    expect(created.body).toBeInstanceOf($FC.ConcurrencyConfig);
    expect(created.body?.toMap()).toEqual({ functionArn: arn('fn'), reservedConcurrency: 3 });

    await put(kit.client, 'fn', 0);
    const got = await kit.client.getConcurrencyConfig('fn');
    expect(got.body?.toMap()).toEqual({ functionArn: arn('fn'), reservedConcurrency: 0 });

    const deleted = await kit.client.deleteConcurrencyConfig('fn');
    expect(deleted.statusCode).toBe(204);
    const gone = await sdkError(kit.client.getConcurrencyConfig('fn'));
    expect(gone).toMatchObject({ statusCode: 404, code: 'OnDemandConfigNotFound' });
    expect(gone.data.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 for a function without a config and for a missing function', async () => {
    expect(await sdkError(kit.client.getConcurrencyConfig('fn'))).toMatchObject({
      statusCode: 404,
      code: 'OnDemandConfigNotFound',
    });
    expect(await sdkError(kit.client.deleteConcurrencyConfig('fn'))).toMatchObject({
      statusCode: 404,
      code: 'OnDemandConfigNotFound',
    });
    expect(await sdkError(put(kit.client, 'nope', 1))).toMatchObject({ statusCode: 404, code: 'FunctionNotFound' });
    expect(await sdkError(kit.client.getConcurrencyConfig('nope'))).toMatchObject({ code: 'FunctionNotFound' });
  });

  it('refuses a negative, fractional or missing reservedConcurrency, naming the field', async () => {
    for (const bad of [-1, 1.5]) {
      const error = await sdkError(put(kit.client, 'fn', bad));
      expect(error).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
      expect(error.data.Message).toBe('reservedConcurrency: reservedConcurrency is a whole number of 0 or more.');
    }
    const missing = await sdkError(
      kit.client.putConcurrencyConfig(
        'fn',
        new $FC.PutConcurrencyConfigRequest({ body: new $FC.PutConcurrencyInput({}) }),
      ),
    );
    expect(missing).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(missing.data.Message).toMatch(/^reservedConcurrency: /);
  });

  it('lists every function’s config a page at a time, or one function’s', async () => {
    for (const name of ['a_fn', 'b_fn', 'c_fn']) {
      await createFunction(kit.client, name);
      await put(kit.client, name, name.length);
    }
    const first = await kit.client.listConcurrencyConfigs(new $FC.ListConcurrencyConfigsRequest({ limit: 2 }));
    expect(first.body).toBeInstanceOf($FC.ListConcurrencyConfigsOutput);
    expect(first.body?.configs?.map((config) => config.functionArn)).toEqual([arn('a_fn'), arn('b_fn')]);
    const second = await kit.client.listConcurrencyConfigs(
      new $FC.ListConcurrencyConfigsRequest({ limit: 2, nextToken: first.body?.nextToken }),
    );
    expect(second.body?.configs?.map((config) => config.functionArn)).toEqual([arn('c_fn')]);
    expect(second.body?.nextToken).toBeUndefined();

    const one = await kit.client.listConcurrencyConfigs(
      new $FC.ListConcurrencyConfigsRequest({ functionName: 'b_fn' }),
    );
    expect(one.body?.configs?.map((config) => config.toMap())).toEqual([
      { functionArn: arn('b_fn'), reservedConcurrency: 4 },
    ]);
    const bad = await sdkError(kit.client.listConcurrencyConfigs(new $FC.ListConcurrencyConfigsRequest({ limit: 0 })));
    expect(bad).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
  });

  it('goes with its function: a function created again under the name has no config', async () => {
    await put(kit.client, 'fn', 5);
    await kit.client.deleteFunction('fn');
    const list = await kit.client.listConcurrencyConfigs(new $FC.ListConcurrencyConfigsRequest({}));
    expect(list.body?.configs).toEqual([]);
    await createFunction(kit.client, 'fn');
    expect(await sdkError(kit.client.getConcurrencyConfig('fn'))).toMatchObject({ code: 'OnDemandConfigNotFound' });
  });
});
