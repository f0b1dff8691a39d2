import { describe, expect, it } from 'vitest';
import { CONSOLE_REQUEST_HEADER } from '../../contract/recorded-request';
import { BoundedTee } from './bounded-tee';
import type { Observation } from './capture';
import { capturedRequest, packObservations } from './captured-request';
import { packBatch, unpackBatch } from './recording-message';

type Shape = {
  endpoint: 'internet' | 'intranet' | 'customDomain';
  status: number;
  detail: boolean;
  responseHeaders: unknown;
  body?: string;
  requestBody?: Buffer;
  headers?: Record<string, string>;
  remoteAddress?: string;
  triggerConfig?: unknown;
};

function observation(shape: Shape): Observation {
  const body = new BoundedTee(shape.detail ? 64 * 1024 : 256);
  if (shape.body !== undefined) body.add(shape.body);
  const headers: Record<string, string> = { host: 'api.example.com', ...shape.headers };
  return {
    ...{ startedAt: 1_700_000_000_000, durationMs: 3.5, requestId: `r-${shape.status}`, status: shape.status },
    ...{ detail: shape.detail, body, responseHeaders: shape.responseHeaders, requestBody: shape.requestBody },
    ...{ req: { method: 'post', url: '/a?b=1', headers }, remoteAddress: shape.remoteAddress, requestBodySize: 9 },
    ...{ requestHeaders: headers, rawRequestHeaders: Object.entries(headers) },
    fromConsole: headers[CONSOLE_REQUEST_HEADER] !== undefined,
    target: {
      trigger: {
        ...{ triggerId: 't', functionName: 'fn', qualifier: 'LATEST', triggerName: 'http' },
        triggerConfig: shape.triggerConfig ?? { authType: 'anonymous', methods: ['POST'] },
      },
      endpoint: shape.endpoint,
    },
  } as unknown as Observation;
}

const shapes: Shape[] = [
  {
    endpoint: 'internet',
    status: 200,
    detail: true,
    responseHeaders: ['content-type', 'text/plain', 'x-fc-request-id', 'r-200', 'content-length', '5'],
    body: 'hello',
    requestBody: Buffer.from('the request'),
  },
  {
    endpoint: 'customDomain',
    status: 502,
    detail: false,
    responseHeaders: { 'x-fc-error-type': 'FunctionExited', 'set-cookie': ['a=1', 'b=2'], gone: undefined },
    body: `{"Code":"FunctionExited","Message":"${'x'.repeat(400)}"}`,
    headers: { 'x-fc-invocation-type': 'Async' },
    remoteAddress: '::ffff:10.0.0.1',
  },
  {
    endpoint: 'intranet',
    status: 403,
    detail: true,
    responseHeaders: [
      ['Content-Type', 'application/json'],
      ['X-Fc-Error-Type', 'Forbidden'],
    ],
    body: '{"Code":"MethodNotAllowed"}',
    headers: { [CONSOLE_REQUEST_HEADER]: '1', authorization: 'Bearer abc' },
    remoteAddress: '127.0.0.1',
    triggerConfig: { authType: 'jwt', authConfig: { tokenLookup: 'header:authorization' } },
  },
  { endpoint: 'internet', status: 499, detail: false, responseHeaders: undefined },
  { endpoint: 'internet', status: 500, detail: true, responseHeaders: { 'x-fc-error-type': '' }, body: '' },
];

describe('a batch packed from the observations', () => {
  it('is the batch the requests shaped one by one pack into: every field, body and header line', () => {
    const batch = shapes.map(observation);
    const packed = packObservations(batch, 42);
    const reference = packBatch(batch.map(capturedRequest), 42);
    expect({ ...packed, bodies: Buffer.from(packed.bodies) }).toEqual({
      ...reference,
      bodies: Buffer.from(reference.bodies),
    });
    const requests = unpackBatch(packed);
    expect(requests.map((r) => [r.status, r.errorType, r.domainName, r.invocationType, r.sourceIp])).toEqual([
      [200, undefined, undefined, 'sync', ''],
      [502, 'FunctionExited', 'api.example.com', 'async', '10.0.0.1'],
      [403, 'Forbidden', undefined, 'sync', '127.0.0.1'],
      [499, undefined, undefined, 'sync', ''],
      [500, undefined, undefined, 'sync', ''],
    ]);
    expect(requests[1]!.errorHead!.length).toBe(256);
    expect(requests[2]!.trigger).toEqual({ tokenLookup: 'header:authorization' });
    expect(requests[0]!.detail!.requestBody.toString()).toBe('the request');
  });

  it('packs an empty batch', () => {
    const packed = packObservations([], 1);
    expect(packed).toMatchObject({ count: 0, values: [], now: 1 });
    expect(packed.bodies.byteLength).toBe(0);
  });
});
