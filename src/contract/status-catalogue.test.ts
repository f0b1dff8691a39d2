import { describe, expect, it } from 'vitest';
import { ERROR_TYPE_LABELS, ERROR_TYPES, GATEWAY_ERRORS, explainStatus } from './status-catalogue';

const codes = (status: number, code?: string) => explainStatus(status, code).map((row) => row.code);

describe('explainStatus', () => {
  it('answers the row of a known code, whatever the status', () => {
    expect(explainStatus(403, 'MethodNotAllowed')).toEqual([
      { code: 'MethodNotAllowed', ...GATEWAY_ERRORS.MethodNotAllowed },
    ]);
    // A synchronous InvokeFunction answers a function error with 200 and x-fc-error-type.
    expect(explainStatus(200, 'UnhandledInvocationError')).toMatchObject([
      { code: 'UnhandledInvocationError', status: 502, type: 'functionError', billed: true },
    ]);
  });

  it('answers every row of the status for a missing or unknown code', () => {
    expect(codes(403)).toEqual([
      'SignatureNotMatch',
      'RequestTimeTooSkewed',
      'MethodNotAllowed',
      'InternetURLDisabled',
      'DomainProtocolNotAllowed',
    ]);
    expect(codes(400, 'SomethingElse')).toEqual(['InvalidArgument', 'MissingRequiredHeader', 'ApkResponseForbidden']);
    expect(codes(502)).toEqual([
      'UnhandledInvocationError',
      'FunctionTimeout',
      'FunctionExited',
      'HandlerNotFound',
      'InstanceStartFailed',
      'BadResponse',
    ]);
    expect(codes(401)).toEqual(['Unauthorized']);
    expect(codes(499)).toEqual(['ClientClosedRequest']);
  });

  it('follows the seed on billing: 502 billed, 4xx, 429, 500 and 503 not', () => {
    for (const row of explainStatus(502)) expect(row.billed).toBe(true);
    for (const status of [400, 403, 404, 429, 500, 503])
      for (const row of explainStatus(status)) expect(row.billed, `${status} ${row.code}`).toBe(false);
    expect(explainStatus(429)).toMatchObject([{ type: 'userThrottling' }]);
    expect(explainStatus(500)).toMatchObject([{ type: 'systemError' }]);
    expect(explainStatus(503).map((row) => [row.code, row.type])).toEqual([
      ['DomainRewriteTimeout', 'systemThrottling'],
      ['SystemThrottled', 'systemThrottling'],
    ]);
  });

  it('answers one generic row for a status the gateway never answers', () => {
    expect(explainStatus(418)).toEqual([
      expect.objectContaining({
        code: 'UnknownStatus',
        status: 418,
        type: 'requestError',
        billed: true,
        cause: expect.stringContaining("function's own response"),
      }),
    ]);
    expect(explainStatus(504)).toMatchObject([{ code: 'UnknownStatus', status: 504, type: 'functionError' }]);
  });

  it('explains nothing for a success without an error code', () => {
    expect(explainStatus(200)).toEqual([]);
    expect(explainStatus(202, 'NotACode')).toEqual([]);
  });

  it('labels every error type', () => {
    expect(ERROR_TYPES.map((type) => ERROR_TYPE_LABELS[type])).toEqual([
      'Request error',
      'Function error',
      'User throttling',
      'System error',
      'System throttling',
    ]);
  });
});
