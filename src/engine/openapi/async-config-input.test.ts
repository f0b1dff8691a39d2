import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFunction, startHarness, type Harness } from '../conformance/harness';
import { GATED } from './testing/request-gate';
import { sendStreamed, signedHeaders } from './testing/raw-openapi-client';
import { $FC } from './testing/engine-kit';

let h: Harness;
let fn = '';
beforeAll(async () => {
  h = await startHarness();
  fn = await deployFunction(h, GATED, 'async_input');
});
afterAll(() => h.close());

function putRaw(body: string) {
  const path = `/2023-03-30/functions/${fn}/async-invoke-config`;
  const bytes = Buffer.from(body);
  const headers = signedHeaders(h.engine, { method: 'PUT', path, body: bytes, action: 'PutAsyncInvokeConfig' });
  return sendStreamed(h.engine, { method: 'PUT', path, headers, chunks: [bytes] });
}

describe('PutAsyncInvokeConfig input', () => {
  it('keeps a destinationConfig of the SDK’s shape and answers it back', async () => {
    const destinationConfig = new $FC.DestinationConfig({
      onSuccess: new $FC.Destination({ destination: 'acs:mns:cn-hangzhou:123:/queues/ok/messages' }),
      onFailure: new $FC.Destination({ destination: 'acs:mns:cn-hangzhou:123:/queues/failed/messages' }),
    });
    await h.client.putAsyncInvokeConfig(
      fn,
      new $FC.PutAsyncInvokeConfigRequest({ body: new $FC.PutAsyncInvokeConfigInput({ destinationConfig }) }),
    );
    const { body } = await h.client.getAsyncInvokeConfig(fn, new $FC.GetAsyncInvokeConfigRequest({}));
    expect(body?.destinationConfig?.onFailure?.destination).toBe('acs:mns:cn-hangzhou:123:/queues/failed/messages');
    expect(body?.destinationConfig?.onSuccess?.destination).toBe('acs:mns:cn-hangzhou:123:/queues/ok/messages');
  });

  it('refuses a destinationConfig that is not the SDK’s shape, naming the field', async () => {
    const reply = await putRaw(JSON.stringify({ destinationConfig: { onSuccess: { destination: 5 } } }));
    expect(reply).toMatchObject({ status: 400, body: { Code: 'InvalidArgument' } });
    expect(reply.body.Message).toContain('destinationConfig.onSuccess.destination');
  });

  it('refuses a body nested 100,000 deep with 400, and goes on answering', async () => {
    const depth = 100_000;
    const reply = await putRaw(`{"destinationConfig":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
    expect(reply).toMatchObject({ status: 400, body: { Code: 'InvalidArgument' } });
    const arrays = await putRaw(`{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(arrays).toMatchObject({ status: 400, body: { Code: 'InvalidArgument' } });
    const { body } = await h.client.getAsyncInvokeConfig(fn, new $FC.GetAsyncInvokeConfigRequest({}));
    expect(body?.maxAsyncRetryAttempts).toBe(3);
  });
});
