import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAcs3 } from '../../contract/acs3-signature';
import { MIRROR, type Mirrored } from './fixtures';
import { call, deployHttp, hostOf, startHarness, type Harness } from './harness';

// Each authentication method, accepting and refusing, over real HTTP.
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('Signature (ACS3-HMAC-SHA256 with the account AccessKey)', () => {
  const sign = (
    url: string,
    method: string,
    path: string,
    body: string,
    secret = h.engine.credentials.accessKeySecret,
  ) => {
    const [rawPath = '/', query = ''] = path.split('?');
    const headers = signAcs3(
      { method, rawPath, query, headers: { host: hostOf(url), 'content-type': 'text/plain' }, body: Buffer.from(body) },
      { accessKeyId: h.engine.credentials.accessKeyId, accessKeySecret: secret },
    );
    delete headers.host;
    return headers;
  };

  it('accepts a signed request, body and query included', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, { methods: ['POST'], authType: 'function' });
    const path = '/orders?id=7&b=x%20y';
    const reply = await call(urlInternet, {
      method: 'POST',
      path,
      body: 'payload',
      headers: sign(urlInternet, 'POST', path, 'payload'),
    });
    expect(reply.status).toBe(200);
    expect(reply.json<Mirrored>()).toMatchObject({
      rawPath: '/orders',
      query: { id: '7', b: 'x y' },
      bodyText: 'payload',
    });
  });

  it('refuses a changed body and another secret (403)', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, { methods: ['POST'], authType: 'function' });
    const changed = await call(urlInternet, {
      method: 'POST',
      path: '/',
      body: 'other',
      headers: sign(urlInternet, 'POST', '/', 'payload'),
    });
    expect(changed.status).toBe(403);
    const wrongKey = await call(urlInternet, {
      method: 'POST',
      path: '/',
      body: 'p',
      headers: sign(urlInternet, 'POST', '/', 'p', 'not-the-secret-0000000000'),
    });
    expect(wrongKey.json()).toMatchObject({ Code: 'SignatureNotMatch' });
    expect(wrongKey.text).not.toContain(h.engine.credentials.accessKeySecret);
  });
});

describe('JWT', () => {
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwks: { keys: object[] };
  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256' }] };
  });
  const token = (claims: object, expires = '5m', key = keys.privateKey) =>
    new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(key);
  const jwtTrigger = () =>
    deployHttp(h, MIRROR, {
      methods: ['GET'],
      authType: 'jwt',
      authConfig: {
        jwks,
        tokenLookup: 'header:Authorization:Bearer ,cookie:token',
        claimPassBy: 'header:uid:x-uid,query:name:name',
        whitelist: ['/public/*'],
      },
    });

  it('accepts a valid token from the header or the cookie and passes the claims on', async () => {
    const { urlInternet } = await jwtTrigger();
    const jwt = await token({ uid: 'u-42', name: 'ada' });
    const reply = await call(urlInternet, { path: '/me', headers: { authorization: `Bearer ${jwt}` } });
    expect(reply.status).toBe(200);
    const seen = reply.json<Mirrored>();
    expect(seen.headers['X-Uid']).toBe('u-42');
    expect(seen.query.name).toBe('ada');
    expect((await call(urlInternet, { path: '/me', headers: { cookie: `token=${jwt}` } })).status).toBe(200);
  });

  it('refuses a missing, expired or foreign-signed token (401); whitelisted paths need none', async () => {
    const { urlInternet } = await jwtTrigger();
    expect((await call(urlInternet, { path: '/me' })).status).toBe(401);
    const expired = await token({ uid: 'u' }, '-1m');
    expect(
      (await call(urlInternet, { path: '/me', headers: { authorization: `Bearer ${expired}` } })).json<{
        Message: string;
      }>().Message,
    ).toContain('expired');
    const other = await generateKeyPair('RS256');
    const forged = await token({ uid: 'u' }, '5m', other.privateKey);
    const refused = await call(urlInternet, { path: '/me', headers: { authorization: `Bearer ${forged}` } });
    expect(refused.status).toBe(401);
    expect(refused.json()).toMatchObject({ Code: 'Unauthorized' });
    expect((await call(urlInternet, { path: '/public/page' })).status).toBe(200);
  });
});

describe('Basic', () => {
  const user = { username: 'console-user-a', password: 'Str0ng!pass-a' };
  const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

  it('accepts a configured user and refuses others with a challenge (401)', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, {
      methods: ['GET'],
      authType: 'basic',
      authConfig: { users: [user] },
    });
    expect((await call(urlInternet, { headers: { authorization: basic(user.username, user.password) } })).status).toBe(
      200,
    );
    const wrong = await call(urlInternet, { headers: { authorization: basic(user.username, 'Wr0ng!pass-a') } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(wrong.text).not.toContain(user.password);
    const missing = await call(urlInternet);
    expect([missing.status, missing.json<{ Message: string }>().Message]).toEqual([
      401,
      'Authorization header is expected but missing',
    ]);
  });
});

describe('Bearer', () => {
  const secret = 'T0ken-' + 'x'.repeat(34);

  it('accepts a configured token and refuses a wrong or missing one (401)', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, {
      methods: ['GET'],
      authType: 'bearer',
      authConfig: { tokens: [{ name: 'ci', token: secret }] },
    });
    expect((await call(urlInternet, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    const wrong = await call(urlInternet, { headers: { authorization: `Bearer ${secret}y` } });
    expect([wrong.status, wrong.json<{ Message: string }>().Message]).toEqual([
      401,
      'access denied due to invalid bearer token',
    ]);
    const missing = await call(urlInternet);
    expect([missing.status, missing.json<{ Message: string }>().Message]).toEqual([
      401,
      'Authorization header is expected but missing',
    ]);
  });
});

it('No Authentication lets anyone in', async () => {
  const { urlInternet } = await deployHttp(h, MIRROR, { methods: ['GET'], authType: 'anonymous' });
  expect((await call(urlInternet, { headers: { authorization: 'Bearer whatever' } })).status).toBe(200);
});
