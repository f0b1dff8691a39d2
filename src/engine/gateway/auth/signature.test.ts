import { describe, expect, it } from 'vitest';
import { signAcs3 } from '../../../contract/acs3-signature';
import type { GatewayContext } from '../gateway-context';
import { answered, makeContext } from '../testing/gateway-context';
import { checkSignature } from './signature';

const credentials = { accessKeyId: 'LTAIlocalKey000000001', accessKeySecret: 'local-secret-0123456789abcdefgh' };
const HOST = 'fn-abcdefghij.cn-hangzhou.fcapp.localhost:3001';
const NOW = new Date('2025-01-01T00:00:00Z');

/** A POST /run?a=1 signed as the SDK signs it, at `signedAt`, with `key`. */
function signedRequest(key = credentials, signedAt = NOW, body = Buffer.from('{"x":1}')): GatewayContext {
  const base = { method: 'POST', rawPath: '/run', query: 'a=1', body };
  const sent = signAcs3(
    { ...base, headers: { host: HOST, 'content-type': 'application/json' } },
    key,
    signedAt.getTime(),
  );
  const headers = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k.toLowerCase(), v]));
  const trigger = { methods: ['POST' as const], authType: 'function' as const, authConfig: undefined };
  return makeContext({ ...base, headers, bodyLength: body.length, now: NOW, trigger });
}

describe('Signature authentication', () => {
  it('accepts a request signed with the local account key', () => {
    expect(checkSignature(signedRequest(), credentials)).toEqual({ next: true });
  });

  it('accepts a signature up to 15 minutes old', () => {
    expect(checkSignature(signedRequest(credentials, new Date(NOW.getTime() - 15 * 60_000)), credentials)).toEqual({
      next: true,
    });
  });

  it('answers a signature older than 15 minutes with 403 RequestTimeTooSkewed', () => {
    const ctx = signedRequest(credentials, new Date(NOW.getTime() - 15 * 60_000 - 1000));
    const response = answered(checkSignature(ctx, credentials));
    expect(response.status).toBe(403);
    expect(response.json.Code).toBe('RequestTimeTooSkewed');
  });

  it('answers a missing Authorization header with 400 MissingRequiredHeader', () => {
    const ctx = signedRequest();
    const { authorization: _, ...headers } = ctx.headers;
    const response = answered(checkSignature({ ...ctx, headers }, credentials));
    expect(response.status).toBe(400);
    expect(response.json.Code).toBe('MissingRequiredHeader');
  });

  it('answers a changed body or path with 403 SignatureNotMatch', () => {
    const ctx = signedRequest();
    expect(answered(checkSignature({ ...ctx, rawPath: '/other' }, credentials)).status).toBe(403);
    const tampered = answered(checkSignature({ ...ctx, body: Buffer.from('{"x":2}') }, credentials));
    expect(tampered.status).toBe(403);
    expect(tampered.json.Code).toBe('SignatureNotMatch');
  });

  it('knows only the local account key, and never puts its secret in the answer', () => {
    const other = { accessKeyId: 'LTAIsomeoneElse00000001', accessKeySecret: credentials.accessKeySecret };
    const response = answered(checkSignature(signedRequest(other), credentials));
    expect(response.status).toBe(403);
    expect(response.json.Code).toBe('SignatureNotMatch');
    expect(response.body).not.toContain(credentials.accessKeySecret);
  });
});
