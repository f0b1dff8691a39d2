import { SignJWT, exportJWK, generateKeyPair, type JWK as JoseJwk } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JwtAuthConfig } from '../../../contract/auth-config';
import type { GatewayContext } from '../gateway-context';
import { answered, makeContext } from '../testing/gateway-context';
import { checkJwt } from './jwt';

type JWK = JoseJwk & { kty: string };

const NOW = new Date('2025-01-01T00:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const HS_SECRET = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!');
const HS_JWK: JWK = { kty: 'oct', k: Buffer.from(HS_SECRET).toString('base64url') };

let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
let otherRsa: Awaited<ReturnType<typeof generateKeyPair>>;
let rsaPublic: JWK;

beforeAll(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  otherRsa = await generateKeyPair('RS256', { extractable: true });
  rsaPublic = { ...(await exportJWK(rsa.publicKey)), kty: 'RSA', kid: 'rsa-1' };
});

function config(overrides: Partial<JwtAuthConfig> = {}): JwtAuthConfig {
  return {
    jwks: { keys: [rsaPublic, HS_JWK] },
    tokenLookup: 'header:Authorization:Bearer ,cookie:token,query:jwt,form:jwt',
    ...overrides,
  };
}

async function rs256(
  claims: Record<string, unknown> = {},
  options: { key?: CryptoKey; kid?: string; exp?: number } = {},
) {
  return new SignJWT({ sub: 'user-1', ...claims })
    .setProtectedHeader({
      alg: 'RS256',
      ...(options.kid === undefined ? { kid: 'rsa-1' } : options.kid ? { kid: options.kid } : {}),
    })
    .setIssuedAt(seconds(NOW) - 60)
    .setExpirationTime(options.exp ?? seconds(NOW) + 3600)
    .sign(options.key ?? rsa.privateKey);
}

function request(overrides: Partial<GatewayContext> = {}): GatewayContext {
  return makeContext({ now: NOW, ...overrides });
}

const bearer = (token: string) => request({ headers: { authorization: `Bearer ${token}` } });

describe('JWT authentication: verifying the token', () => {
  it('accepts a valid RS256 token from the Authorization header', async () => {
    expect(await checkJwt(bearer(await rs256()), config())).toEqual({ next: true });
  });

  it('accepts a valid HS256 token checked against an oct key', async () => {
    const token = await new SignJWT({ sub: 'u' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(seconds(NOW) + 60)
      .sign(HS_SECRET);
    expect(await checkJwt(bearer(token), config())).toEqual({ next: true });
  });

  it('tries every oct key when the token names no kid', async () => {
    const other: JWK = { kty: 'oct', k: Buffer.from('another-secret-another-secret-1234').toString('base64url') };
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(HS_SECRET);
    expect(await checkJwt(bearer(token), config({ jwks: { keys: [other, HS_JWK] } }))).toEqual({ next: true });
  });

  it('uses only the public half of a pasted key pair', async () => {
    const privateJwk = { ...(await exportJWK(rsa.privateKey)), kty: 'RSA', kid: 'rsa-1' };
    expect(await checkJwt(bearer(await rs256()), config({ jwks: { keys: [privateJwk] } }))).toEqual({ next: true });
  });

  it('refuses an expired token with 401', async () => {
    const response = answered(await checkJwt(bearer(await rs256({}, { exp: seconds(NOW) - 1 })), config()));
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({
      Code: 'Unauthorized',
      Message: 'JWT authentication failed: the token has expired.',
    });
  });

  it('refuses a token that is not valid yet', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setNotBefore(seconds(NOW) + 600)
      .sign(rsa.privateKey);
    expect(answered(await checkJwt(bearer(token), config())).json.Message).toContain('"nbf" claim');
  });

  it('refuses a token signed with another key', async () => {
    const sameKid = answered(await checkJwt(bearer(await rs256({}, { key: otherRsa.privateKey })), config()));
    expect(sameKid.status).toBe(401);
    expect(sameKid.json.Message).toBe('JWT authentication failed: the token signature is invalid.');
    const unknownKid = answered(
      await checkJwt(bearer(await rs256({}, { key: otherRsa.privateKey, kid: 'rsa-9' })), config()),
    );
    expect(unknownKid.json.Message).toBe("JWT authentication failed: no key in the trigger's JWKS matches the token.");
  });

  it('refuses an unsigned token (alg none)', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'admin', exp: seconds(NOW) + 60 })}.`;
    const response = answered(await checkJwt(bearer(token), config()));
    expect(response.status).toBe(401);
    expect(response.json.Message).toContain('alg "none"');
  });

  it('refuses an HS256 token when the JWKS holds only an RSA key (algorithm confusion)', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' }).sign(HS_SECRET);
    expect(answered(await checkJwt(bearer(token), config({ jwks: { keys: [rsaPublic] } }))).status).toBe(401);
  });

  it('refuses a malformed token', async () => {
    expect(answered(await checkJwt(bearer('not.a-jwt'), config())).json.Message).toBe(
      'JWT authentication failed: the token is malformed.',
    );
  });

  it('answers a request without a token with 401 naming where it looked', async () => {
    const response = answered(
      await checkJwt(request(), config({ tokenLookup: 'header:Authorization:Bearer ,cookie:token' })),
    );
    expect(response.status).toBe(401);
    expect(response.json.Message).toBe(
      'JWT authentication failed: no token found in header Authorization (prefix "Bearer "), cookie token.',
    );
  });
});

describe('JWT authentication: token lookup', () => {
  it('reads a cookie', async () => {
    const token = await rs256();
    expect(await checkJwt(request({ headers: { cookie: `theme=dark; token=${token}` } }), config())).toEqual({
      next: true,
    });
  });

  it('reads a query parameter', async () => {
    expect(await checkJwt(request({ query: `a=1&jwt=${await rs256()}` }), config())).toEqual({ next: true });
  });

  it('reads a field of a form body', async () => {
    const body = Buffer.from(`name=x&jwt=${await rs256()}`);
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    expect(await checkJwt(request({ method: 'POST', headers, body, bodyLength: body.length }), config())).toEqual({
      next: true,
    });
  });

  it('ignores a form field when the body is not a form', async () => {
    const body = Buffer.from(`jwt=${await rs256()}`);
    const headers = { 'content-type': 'text/plain' };
    expect(
      answered(await checkJwt(request({ method: 'POST', headers, body, bodyLength: body.length }), config())).status,
    ).toBe(401);
  });

  it('skips a header without the prefix and checks the first token found, in order', async () => {
    const good = await rs256();
    const headers = { authorization: `Token ${good}`, cookie: `token=${good}` };
    expect(await checkJwt(request({ headers }), config())).toEqual({ next: true });
    // The header comes first: a bad token there is checked, and the good cookie is not looked at.
    const first = { authorization: 'Bearer bad.token.here', cookie: `token=${good}` };
    expect(answered(await checkJwt(request({ headers: first }), config())).status).toBe(401);
  });

  it('reads a custom header with no prefix', async () => {
    const headers = { 'x-jwt': await rs256() };
    expect(await checkJwt(request({ headers }), config({ tokenLookup: 'header:X-JWT' }))).toEqual({ next: true });
  });
});

describe('JWT authentication: whitelist and blacklist', () => {
  let whitelist: JwtAuthConfig;
  let blacklist: JwtAuthConfig;
  beforeAll(() => {
    whitelist = config({ whitelist: ['/login', '/public/*'] });
    blacklist = config({ blacklist: ['/admin', '/private/*'] });
  });

  it('lets whitelisted paths through without a token, exactly or by prefix', async () => {
    expect(await checkJwt(request({ rawPath: '/login' }), whitelist)).toEqual({ next: true });
    expect(await checkJwt(request({ rawPath: '/public/a/b.css' }), whitelist)).toEqual({ next: true });
  });

  it('checks every path outside the whitelist', async () => {
    expect(answered(await checkJwt(request({ rawPath: '/login/x' }), whitelist)).status).toBe(401);
    expect(answered(await checkJwt(request({ rawPath: '/' }), whitelist)).status).toBe(401);
  });

  it('does not let a dot segment escape the whitelist', async () => {
    expect(answered(await checkJwt(request({ rawPath: '/public/../admin' }), whitelist)).status).toBe(401);
  });

  it('checks only blacklisted paths', async () => {
    expect(await checkJwt(request({ rawPath: '/home' }), blacklist)).toEqual({ next: true });
    expect(answered(await checkJwt(request({ rawPath: '/admin' }), blacklist)).status).toBe(401);
    expect(answered(await checkJwt(request({ rawPath: '/private/x' }), blacklist)).status).toBe(401);
  });

  it('checks a blacklisted path however it is encoded', async () => {
    expect(answered(await checkJwt(request({ rawPath: '/%61dmin' }), blacklist)).status).toBe(401);
    expect(answered(await checkJwt(request({ rawPath: '/x/../admin' }), blacklist)).status).toBe(401);
  });

  it('still accepts a valid token on a blacklisted path', async () => {
    const ctx = request({ rawPath: '/admin', headers: { authorization: `Bearer ${await rs256()}` } });
    expect(await checkJwt(ctx, blacklist)).toEqual({ next: true });
  });
});

describe('JWT authentication: claim pass-by', () => {
  it('copies claims into headers, query parameters and form fields', async () => {
    const token = await rs256({ uid: 'u-42', name: 'Ada', role: 'admin', level: 3 });
    const passBy = config({
      claimPassBy: 'header:uid:X-Uid,query:name:name,form:role:role,header:level:x-level,header:missing:x-missing',
    });
    expect(await checkJwt(bearer(token), passBy)).toEqual({
      next: true,
      addRequestHeaders: { 'x-uid': 'u-42', 'x-level': '3' },
      addQuery: { name: 'Ada' },
      addFormFields: { role: 'admin' },
    });
  });

  it('adds nothing on a whitelisted path that skipped the check', async () => {
    const passBy = config({ whitelist: ['/login'], claimPassBy: 'header:uid:x-uid' });
    expect(await checkJwt(request({ rawPath: '/login' }), passBy)).toEqual({ next: true });
  });
});

describe('JWT authentication: a broken JWKS', () => {
  it('answers 401 instead of failing when a key cannot be used', async () => {
    const broken = config({ jwks: { keys: [{ kty: 'RSA', kid: 'rsa-1', e: 'AQAB' }] } });
    const response = answered(await checkJwt(bearer(await rs256()), broken));
    expect(response.status).toBe(401);
    expect(response.json.Code).toBe('Unauthorized');
  });
});
