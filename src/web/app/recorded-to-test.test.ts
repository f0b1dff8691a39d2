import { describe, expect, it } from 'vitest';
import { REDACTED, type RecordedRequest } from '../../contract/recorded-request';
import type { Trigger } from '../../contract/trigger';
import { replayBlock, toTestParams } from './recorded-to-test';

const recorded: RecordedRequest = {
  seq: 7,
  requestId: 'R-7',
  time: '2026-11-29T10:00:00.000Z',
  functionName: 'hello',
  qualifier: 'LATEST',
  triggerName: 'hook',
  via: 'intranet',
  method: 'POST',
  path: `/orders?id=7&access_token=${REDACTED}`,
  sourceIp: '203.0.113.9',
  status: 401,
  durationMs: 3,
  invocationType: 'sync',
  errorCode: 'Unauthorized',
  fromConsole: false,
  request: {
    headers: [
      ['host', 'hello-abc.cn-hangzhou-vpc.fcapp.localhost:3001'],
      ['authorization', REDACTED],
      ['cookie', `session=${REDACTED}`],
      ['content-type', 'application/json'],
      ['x-fc-console-test', '1'],
      ['x-request-source', 'webhook'],
    ],
    body: { encoding: 'text', data: '{"id":7}', size: 8 },
  },
  sent: { headerBytes: 200, pathWithQueryBytes: 40, bodyBytes: 8 },
};

const bearer = {
  triggerName: 'hook',
  triggerConfig: { authType: 'bearer', methods: ['POST'], authConfig: { tokens: [{ name: 'ci' }] } },
} as unknown as Trigger;

describe('a recorded request sent again', () => {
  it('keeps what the client sent and drops every redacted value; the bff places the trigger’s own credential', () => {
    expect(toTestParams(recorded, bearer)).toEqual({
      triggerName: 'hook',
      endpoint: 'intranet',
      auth: { type: 'bearer', tokenName: 'ci' },
      request: {
        kind: 'http',
        method: 'POST',
        path: '/orders',
        query: [{ key: 'id', value: '7' }],
        headers: [
          { key: 'content-type', value: 'application/json' },
          { key: 'x-request-source', value: 'webhook' },
        ],
        bodyType: 'json',
        body: '{"id":7}',
      },
    });
  });

  it('goes to the custom domain it came through, with no trigger and no credential of the recording', () => {
    const { triggerName: _trigger, ...rest } = recorded;
    const throughDomain: RecordedRequest = { ...rest, via: 'custom-domain', domainName: 'shop.example.com' };
    expect(replayBlock(throughDomain, undefined)).toBeUndefined();
    const params = toTestParams(throughDomain, undefined);
    expect(params).toEqual({ domainName: 'shop.example.com', request: toTestParams(recorded, bearer).request });
    expect(JSON.stringify(params)).not.toContain(REDACTED);
  });

  it('is refused with a reason for an unknown domain, a binary body, or a kept summary only', () => {
    expect(replayBlock(recorded, bearer)).toBeUndefined();
    expect(replayBlock({ ...recorded, via: 'custom-domain' }, bearer)).toBe('noDomain');
    const binary = { ...recorded.request!, body: { encoding: 'base64' as const, data: 'AAE=', size: 2 } };
    expect(replayBlock({ ...recorded, request: binary }, bearer)).toBe('binaryBody');
    expect(replayBlock({ ...recorded, detailDropped: true, request: undefined }, bearer)).toBe('noDetail');
    expect(replayBlock(recorded, undefined)).toBe('noTrigger');
  });
});
