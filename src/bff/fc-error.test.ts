import { describe, expect, it } from 'vitest';
import { toFcError } from './fc-error';

const local = { url: 'http://127.0.0.1:3001', mode: 'local' as const };

function sdkError(name: string, fields: Record<string, unknown>) {
  return Object.assign(new Error(String(fields.message)), { name, ...fields });
}

describe('toFcError', () => {
  it('reads the message from the SDK’s text when the body had none', () => {
    const err = sdkError('ServerError', {
      statusCode: 502,
      code: 'BadGateway',
      message: 'BadGateway: code: 502, upstream went away request id: 8F-12',
      requestId: 'undefined',
      data: {},
    });
    expect(toFcError(err, local)).toMatchObject({
      status: 502,
      code: 'BadGateway',
      message: 'upstream went away',
      requestId: '8F-12',
    });
  });

  it('says where the cloud endpoint was when it cannot be reached', () => {
    const err = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    const mapped = toFcError(err, { url: 'https://1.cn-hangzhou.fc.aliyuncs.com', mode: 'cloud' });
    expect(mapped).toMatchObject({ status: 503, code: 'EngineUnavailable' });
    expect(mapped.message).toBe(
      'Function Compute is not reachable at https://1.cn-hangzhou.fc.aliyuncs.com (ENOTFOUND).',
    );
  });

  it('explains missing cloud credentials', () => {
    const err = new Error('unable to get credentials from any of the providers in the chain: ...');
    expect(toFcError(err, { url: 'https://x', mode: 'cloud' })).toMatchObject({
      status: 503,
      code: 'CredentialsUnavailable',
      message: expect.stringContaining('ALIBABA_CLOUD_ACCESS_KEY_ID'),
    });
  });

  it('hides unexpected errors behind a generic 500', () => {
    const mapped = toFcError(new TypeError('cannot read x of undefined (secret=abc)'), local);
    expect(mapped).toMatchObject({ status: 500, code: 'InternalError' });
    expect(mapped.message).not.toContain('secret');
  });
});
