import { OpenApiUtil } from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import { acs3Timestamp, sha256Hex, signAcs3, verifyAcs3, verifyAcs3Headers, type Acs3Request } from './acs3-signature';

const key = { accessKeyId: 'LTAI5tExampleKeyId0000000', accessKeySecret: 'exampleSecret0123456789abcdefg' };
const secretFor = (id: string) => (id === key.accessKeyId ? key.accessKeySecret : undefined);
const NOW = Date.parse('2024-05-01T08:00:00Z');

/** The SDK's own Authorization for a request, built as `doRequest` builds it. */
function sdkAuthorization(request: Acs3Request, headers: Record<string, string>): string {
  const query = typeof request.query === 'string' ? {} : request.query;
  return OpenApiUtil.getAuthorization(
    { method: request.method, pathname: request.rawPath, query, headers } as never,
    'ACS3-HMAC-SHA256',
    sha256Hex(request.body),
    key.accessKeyId,
    key.accessKeySecret,
  );
}

const requests: Array<[string, Acs3Request]> = [
  [
    'a GET with a query',
    {
      method: 'GET',
      rawPath: '/2023-03-30/functions',
      query: { limit: '20', prefix: "my fn*(x)!'~", nextToken: '' },
      headers: {
        host: '127.0.0.1:3001',
        'x-acs-action': 'ListFunctions',
        'x-acs-version': '2023-03-30',
        accept: 'application/json',
      },
      body: new Uint8Array(),
    },
  ],
  [
    'a JSON POST',
    {
      method: 'POST',
      rawPath: '/2023-03-30/functions/my_fn/triggers',
      query: {},
      headers: {
        host: 'localhost:9',
        'content-type': 'application/json; charset=utf-8',
        'x-acs-action': 'CreateTrigger',
      },
      body: new TextEncoder().encode(JSON.stringify({ triggerName: 't', triggerConfig: '{"methods":["GET"]}' })),
    },
  ],
  [
    'a path with characters the canonical URI rewrites',
    {
      method: 'DELETE',
      rawPath: '/a+b/c*d/%7Euser/%E4%B8%AD',
      query: { 'x-key': 'v=1&2' },
      headers: { Host: 'EXAMPLE.com', 'X-Acs-Custom': '  spaced  ' },
      body: new Uint8Array([1, 2, 3]),
    },
  ],
];

describe('signAcs3', () => {
  it.each(requests)('signs %s exactly as the SDK does', (_name, request) => {
    const signed = signAcs3(request, key, NOW);
    const { Authorization, ...sent } = signed;
    expect(Authorization).toBe(sdkAuthorization(request, sent));
    expect(signed['x-acs-date']).toBe('2024-05-01T08:00:00Z');
    expect(signed['x-acs-content-sha256']).toBe(sha256Hex(request.body));
  });
});

describe('verifyAcs3', () => {
  const signedRequest = (request: Acs3Request, at = NOW): Acs3Request => ({
    ...request,
    headers: signAcs3(request, key, at),
  });

  it.each(requests)('accepts %s as the SDK signs it', (_name, request) => {
    const headers: Record<string, string> = {
      ...(request.headers as Record<string, string>),
      'x-acs-date': acs3Timestamp(NOW),
      'x-acs-content-sha256': sha256Hex(request.body),
    };
    headers['Authorization'] = sdkAuthorization(request, headers);
    expect(verifyAcs3({ ...request, headers }, secretFor, NOW)).toEqual({ ok: true, accessKeyId: key.accessKeyId });
  });

  it('accepts the raw query string the client sent', () => {
    const request = signedRequest({ ...requests[0]![1] });
    const rawQuery = 'limit=20&prefix=my%20fn*(x)!%27~&nextToken=';
    expect(verifyAcs3({ ...request, query: rawQuery }, secretFor, NOW).ok).toBe(true);
  });

  it('refuses a request without Authorization or date with MissingRequiredHeader', () => {
    const request = signedRequest(requests[1]![1]);
    const { Authorization: _a, ...noAuth } = request.headers;
    expect(verifyAcs3({ ...request, headers: noAuth }, secretFor, NOW)).toMatchObject({
      ok: false,
      code: 'MissingRequiredHeader',
    });
    const { 'x-acs-date': _d, ...noDate } = request.headers;
    expect(verifyAcs3({ ...request, headers: noDate }, secretFor, NOW)).toMatchObject({
      ok: false,
      code: 'MissingRequiredHeader',
    });
  });

  it('refuses a date more than 15 minutes away with RequestTimeTooSkewed', () => {
    const request = signedRequest(requests[1]![1]);
    expect(verifyAcs3(request, secretFor, NOW + 14 * 60_000).ok).toBe(true);
    expect(verifyAcs3(request, secretFor, NOW + 16 * 60_000)).toMatchObject({
      ok: false,
      code: 'RequestTimeTooSkewed',
    });
    expect(verifyAcs3(request, secretFor, NOW - 16 * 60_000)).toMatchObject({
      ok: false,
      code: 'RequestTimeTooSkewed',
    });
  });

  it('refuses a wrong secret, an unknown key, and anything changed after signing with SignatureNotMatch', () => {
    const request = requests[1]![1];
    const wrongSecret = { ...request, headers: signAcs3(request, { ...key, accessKeySecret: 'other' }, NOW) };
    const unknownKey = { ...request, headers: signAcs3(request, { ...key, accessKeyId: 'LTAIunknown' }, NOW) };
    const signed = signedRequest(request);
    const tampered: Acs3Request[] = [
      wrongSecret,
      unknownKey,
      { ...signed, body: new TextEncoder().encode('{"triggerName":"u"}') },
      { ...signed, rawPath: '/2023-03-30/functions/other/triggers' },
      { ...signed, method: 'PUT' },
      { ...signed, query: { qualifier: 'LATEST' } },
      { ...signed, headers: { ...signed.headers, 'x-acs-action': 'DeleteTrigger' } },
      { ...signed, headers: { ...signed.headers, 'x-acs-extra': 'unsigned' } },
      { ...signed, headers: { ...signed.headers, Authorization: 'Bearer abc' } },
    ];
    for (const request of tampered) {
      expect(verifyAcs3(request, secretFor, NOW)).toMatchObject({ ok: false, code: 'SignatureNotMatch' });
    }
  });
});

describe('verifyAcs3Headers', () => {
  const request = requests[1]![1];
  const { body, ...withoutBody } = request;

  it('vouches for the declared body hash, the nonce and the date without the body', () => {
    const headers = signAcs3(request, key, NOW);
    expect(verifyAcs3Headers({ ...withoutBody, headers }, secretFor, NOW)).toEqual({
      ok: true,
      accessKeyId: key.accessKeyId,
      contentSha256: sha256Hex(body),
      nonce: headers['x-acs-signature-nonce'],
      signedAt: NOW,
    });
  });

  it('refuses a request that declares no body hash, and one whose declared hash was changed', () => {
    const headers = signAcs3(request, key, NOW);
    const { 'x-acs-content-sha256': _hash, ...undeclared } = headers;
    expect(verifyAcs3Headers({ ...withoutBody, headers: undeclared }, secretFor, NOW)).toMatchObject({
      ok: false,
      code: 'MissingRequiredHeader',
    });
    const swapped = { ...headers, 'x-acs-content-sha256': sha256Hex('another body') };
    expect(verifyAcs3Headers({ ...withoutBody, headers: swapped }, secretFor, NOW)).toMatchObject({
      ok: false,
      code: 'SignatureNotMatch',
    });
  });
});
