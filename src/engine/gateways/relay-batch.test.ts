import { describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../recording/capture';
import { packBatch, unpackBatch } from '../recording/recording-message';
import { fromRelayed, toRelayed } from './relay-batch';

const BASE = {
  startedAt: 1_700_000_000_000,
  durationMs: 1.25,
  functionName: 'fn',
  qualifier: 'LATEST',
  via: 'internet',
  method: 'POST',
  path: '/a?b=1',
  sourceIp: '127.0.0.1',
  invocationType: 'sync',
  fromConsole: false,
  trigger: {},
  requestHeaders: [['Host', 'fn.example']],
  requestBodySize: 3,
} satisfies Partial<CapturedRequest>;

const BATCH: CapturedRequest[] = [
  {
    ...BASE,
    requestId: 'ok',
    triggerName: 'http',
    status: 200,
    detail: {
      requestBody: Buffer.from([0, 255, 7]),
      responseHeaders: [['content-type', 'application/octet-stream']],
      responseBody: Buffer.from('answer'),
      responseBodySize: 6,
    },
  },
  {
    ...BASE,
    requestId: 'failed',
    domainName: 'api.example.com',
    via: 'custom-domain',
    status: 502,
    errorType: 'FunctionExited',
    errorHead: Buffer.from('{"Code":"FunctionExited"}'),
    trigger: { tokenLookup: 'header:Authorization' },
  },
];

describe('a packed batch over JSON IPC', () => {
  it('arrives as the recording thread would have received it in-process', () => {
    const overJson = JSON.parse(JSON.stringify(toRelayed(packBatch(BATCH, 42)))) as unknown;
    const packed = fromRelayed(overJson)!;
    expect(packed.now).toBe(42);
    expect(unpackBatch(packed)).toEqual(unpackBatch(packBatch(BATCH, 42)));
    expect(unpackBatch(packed)[0]!.detail!.requestBody).toEqual(Buffer.from([0, 255, 7]));
  });

  it('is refused when it is not a batch', () => {
    expect(fromRelayed({ count: 1, values: 'x', bodies: '', now: 1 })).toBeUndefined();
    expect(fromRelayed(null)).toBeUndefined();
  });
});
