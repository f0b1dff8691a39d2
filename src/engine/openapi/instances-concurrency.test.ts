import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, deployHttp, startHarness, type Harness } from '../conformance/harness';
import { $FC } from './testing/engine-kit';
import { GATED, startRequestGate } from './testing/request-gate';

// Over real HTTP with the engine's runtime: reserved concurrency caps the function's instances.
let h: Harness;
beforeAll(async () => (h = await startHarness({ maxInstancesPerFunction: 5 })));
afterAll(() => h.close());

const reserve = (functionName: string, reservedConcurrency: number) =>
  h.client.putConcurrencyConfig(
    functionName,
    new $FC.PutConcurrencyConfigRequest({ body: new $FC.PutConcurrencyInput({ reservedConcurrency }) }),
  );

const gatePath = (url: string) => `/?gate=${encodeURIComponent(url)}`;

describe('reservedConcurrency is the function’s instance cap', () => {
  it('with 1, a second request while the first runs is throttled 429; the instance is listed while it runs', async () => {
    const { functionName, urlInternet } = await deployHttp(h, GATED);
    await reserve(functionName, 1);
    const gate = await startRequestGate();
    try {
      const first = call(urlInternet, { path: gatePath(gate.url) });
      await gate.arrived;

      const listed = await h.client.listInstances(functionName, new $FC.ListInstancesRequest({}));
      expect(listed.body).toBeInstanceOf($FC.ListInstancesOutput);
      expect(listed.body?.instances).toHaveLength(1);
      const instance = listed.body!.instances![0]!;
      expect(instance).toMatchObject({ qualifier: 'LATEST', status: 'Running' });
      expect(instance.createdTimeMs).toBeGreaterThan(0);
      const byId = await h.client.listInstances(
        functionName,
        new $FC.ListInstancesRequest({ instanceIds: [instance.instanceId!], instanceStatus: ['Running'] }),
      );
      expect(byId.body?.instances?.map((i) => i.instanceId)).toEqual([instance.instanceId]);
      const otherId = await h.client.listInstances(
        functionName,
        new $FC.ListInstancesRequest({ instanceIds: ['c-0'] }),
      );
      expect(otherId.body?.instances).toEqual([]);
      const otherQualifier = await h.client.listInstances(
        functionName,
        new $FC.ListInstancesRequest({ qualifier: '1' }),
      );
      expect(otherQualifier.body?.instances).toEqual([]);

      const second = await call(urlInternet);
      expect(second.status).toBe(429);
      expect(second.json()).toMatchObject({ Code: 'ResourceThrottled', RequestId: second.headers['x-fc-request-id'] });

      gate.open();
      const answered = await first;
      expect(answered.status).toBe(200);
      expect(answered.json()).toEqual({ instanceId: instance.instanceId });
      // Free again: the next request is served.
      expect((await call(urlInternet)).status).toBe(200);
    } finally {
      gate.open();
      await gate.close();
    }
  });

  it('without a config the pool’s own cap applies: a second concurrent request gets a second instance', async () => {
    const { functionName, urlInternet } = await deployHttp(h, GATED);
    await reserve(functionName, 1);
    await h.client.deleteConcurrencyConfig(functionName);
    const gate = await startRequestGate();
    try {
      const first = call(urlInternet, { path: gatePath(gate.url) });
      await gate.arrived;
      expect((await call(urlInternet)).status).toBe(200);
      const listed = await h.client.listInstances(functionName, new $FC.ListInstancesRequest({}));
      expect(listed.body?.instances).toHaveLength(2);
      gate.open();
      expect((await first).status).toBe(200);
    } finally {
      gate.open();
      await gate.close();
    }
  });

  it('with 0, the function is disabled: every invocation is throttled, by trigger and by InvokeFunction', async () => {
    const { functionName, urlInternet } = await deployHttp(h, GATED);
    await reserve(functionName, 0);
    const throttled = await call(urlInternet);
    expect(throttled.status).toBe(429);
    expect(throttled.json()).toMatchObject({
      Code: 'ResourceThrottled',
      Message: `${functionName} takes no requests: its reserved concurrency is 0`,
    });
    const invoked = await h.client.invokeFunction(functionName, new $FC.InvokeFunctionRequest({})).then(
      () => undefined,
      (error: { statusCode: number }) => error.statusCode,
    );
    expect(invoked).toBe(429);
    expect((await h.client.listInstances(functionName, new $FC.ListInstancesRequest({}))).body?.instances).toEqual([]);

    await reserve(functionName, 2);
    expect((await call(urlInternet)).status).toBe(200);
  });

  it('ListInstances answers FunctionNotFound for a missing function', async () => {
    const error = await h.client.listInstances('nope', new $FC.ListInstancesRequest({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 404, code: 'FunctionNotFound' });
  });
});
