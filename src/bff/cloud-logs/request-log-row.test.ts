import { describe, expect, it } from 'vitest';
import { requestLogRowSchema, seqMs, toRecordedRequest, toRecordedSummary } from './request-log-row';

const parse = (row: Record<string, unknown>) => requestLogRowSchema.parse(row);

describe('a request-metrics row of Log Service as the Requests inspector shows it', () => {
  it('reads an HTTP invocation’s fields, and marks what the logs do not say', () => {
    const row = parse({
      __time__: '1705476027',
      __topic__: 'FCRequestMetrics:/sync-clone',
      requestId: '1-65a77fbb-157f3f32-e1ee24b17e49',
      functionName: 'sync-clone',
      qualifier: 'prod',
      invocationType: 'Sync',
      durationMs: '2.92',
      invocationStartTimestamp: '1705476027407',
      method: 'PUT',
      requestURI: '/orders?id=1',
      statusCode: '404',
      clientIP: '203.0.113.7',
      memoryMB: '512',
    });
    const summary = toRecordedSummary(row, 'sync-clone');
    expect(summary).toEqual({
      seq: expect.any(Number),
      requestId: '1-65a77fbb-157f3f32-e1ee24b17e49',
      time: '2024-01-17T07:20:27.407Z',
      functionName: 'sync-clone',
      qualifier: 'prod',
      via: 'unknown',
      method: 'PUT',
      path: '/orders?id=1',
      sourceIp: '203.0.113.7',
      status: 404,
      durationMs: 2.92,
      invocationType: 'sync',
      fromConsole: false,
      source: 'log-service',
    });
    expect(seqMs(summary.seq)).toBe(1705476027407);
    expect(toRecordedSummary(row, 'sync-clone').seq).toBe(summary.seq);
    const detail = toRecordedRequest(summary, 'hello');
    expect(detail).toMatchObject({ sent: { headerBytes: 0, pathWithQueryBytes: 12, bodyBytes: 0 }, logs: 'hello' });
    expect(detail.request).toBeUndefined();
  });

  it('stands an event invocation (no HTTP fields) for 200, or 500 with its error type when the function failed', () => {
    const base = { __time__: 1705476027, requestId: 'r-1', invocationType: 'Async' };
    const ok = toRecordedSummary(parse(base), 'fn');
    expect(ok).toMatchObject({ status: 200, method: '', path: '', qualifier: 'LATEST', invocationType: 'async' });
    expect(ok.time).toBe('2024-01-17T07:20:27.000Z');
    const failed = toRecordedSummary(
      parse({ ...base, hasFunctionError: 'true', errorType: 'FunctionTimeoutError', statusCode: 'n/a' }),
      'fn',
    );
    expect(failed).toMatchObject({ status: 500, errorCode: 'FunctionTimeoutError' });
  });

  it('refuses a row without a request id or a time (not a request)', () => {
    expect(requestLogRowSchema.safeParse({ __time__: '1705476027', message: 'hello' }).success).toBe(false);
    expect(requestLogRowSchema.safeParse({ requestId: 'r-1' }).success).toBe(false);
  });
});
