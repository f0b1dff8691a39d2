import { serialize } from 'node:v8';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { httpTriggerConfigSchema } from '../../contract/trigger';
import type { CapturedRequest, Observation } from './capture';
import { capturedRequest } from './captured-request';
import { packBatch, unpackBatch, type PostedBatch } from './recording-message';

function captured(requestBody: Buffer, responseBody: Buffer): CapturedRequest {
  return {
    ...{ startedAt: 1, durationMs: 2, requestId: 'r', functionName: 'fn', qualifier: 'LATEST', via: 'internet' },
    ...{ method: 'POST', path: '/', sourceIp: '127.0.0.1', status: 500, invocationType: 'sync', fromConsole: false },
    ...{ trigger: {}, requestHeaders: [['a', 'b']], requestBodySize: 5 },
    errorHead: responseBody.subarray(0, 3),
    detail: { requestBody, responseHeaders: [['c', 'd']], responseBody, responseBodySize: 6 },
  } as unknown as CapturedRequest;
}

describe('a batch posted to the recording thread', () => {
  it('carries only the bodies’ bytes, in one transferred buffer that leaves the captured buffers usable', () => {
    // Small Buffers share Node's pool: transferring theirs would detach every other buffer in it.
    const pooled = Buffer.from('hello');
    const large = Buffer.alloc(64 * 1024, 1).subarray(0, 6);
    const packed = packBatch([captured(pooled, large)], 42);
    expect(packed.bodies.byteLength).toBe(5 + 6 + 3);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, [packed.bodies]);
    const received = receiveMessageOnPort(port2)!.message as PostedBatch;
    port1.close();
    expect(pooled.toString()).toBe('hello');
    expect(large.length).toBe(6);
    const [back] = unpackBatch(received);
    expect(back!.detail!.requestBody.toString()).toBe('hello');
    expect([...back!.detail!.responseBody]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(back!.errorHead!.length).toBe(3);
    expect(back!.requestHeaders).toEqual([['a', 'b']]);
    expect(received.now).toBe(42);
  });

  it('gives back every field of each request, with or without its detail, and a JWT trigger’s token lookup', () => {
    const trigger = { tokenLookup: 'query:token' };
    const full = { ...captured(Buffer.from('in'), Buffer.from('out')), trigger, triggerName: 'http' };
    const { detail: _detail, errorHead: _head, ...bare } = captured(Buffer.alloc(0), Buffer.alloc(0));
    const summaryOnly = { ...bare, trigger, domainName: 'example.com', errorType: 'FunctionExited', status: 502 };
    const packed = packBatch([full, summaryOnly] as CapturedRequest[], 7);
    const [first, second] = unpackBatch(structuredClone(packed, { transfer: [packed.bodies] }));
    expect({ ...first, errorHead: String(first!.errorHead) }).toEqual({
      ...full,
      errorHead: 'out',
      detail: { ...full.detail, requestBody: Buffer.from('in'), responseBody: Buffer.from('out') },
    });
    expect(second).toEqual(summaryOnly);
    const [plain] = unpackBatch(packBatch([{ ...summaryOnly, trigger: {} }] as CapturedRequest[], 7));
    expect(plain!.trigger).toEqual({});
  });

  it("carries none of the trigger's credentials, and stays small whatever the trigger holds", () => {
    const password = 'Kept-Pa55word-in-the-trigger';
    const users = Array.from({ length: 20 }, (_, i) => ({ username: `basic-user-${i}`, password: `${password}-${i}` }));
    const triggerConfig = httpTriggerConfigSchema.parse({ authType: 'basic', methods: ['GET'], authConfig: { users } });
    const observation = {
      ...{ startedAt: 1, durationMs: 2, requestId: 'r', status: 401, fromConsole: false, requestBodySize: 0 },
      ...{ req: { method: 'GET', url: '/', headers: {} }, remoteAddress: '127.0.0.1', rawRequestHeaders: [] },
      ...{ responseHeaders: {}, body: { data: () => Buffer.from('{"Code":"x"}'), size: 12 } },
      target: {
        trigger: { triggerId: 't', functionName: 'fn', qualifier: 'LATEST', triggerName: 'http', triggerConfig },
        endpoint: 'internet',
      },
    } as unknown as Observation;
    const message = serialize(packBatch([capturedRequest(observation)], 1));
    expect(message.toString('latin1')).not.toContain(password);
    expect(message.length).toBeLessThan(1024);
  });
});
