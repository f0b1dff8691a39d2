import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../contract/recorded-request';
import { MIRROR } from '../conformance/fixtures';
import { STREAMER } from '../conformance/streaming-fixtures';
import { call, deployHttp, type Harness } from '../conformance/harness';
import { getRecorded, listRecorded, recordingFileBytes, startRecordingEngine } from './testing/recording-engine';

let h: Harness;
beforeAll(async () => (h = await startRecordingEngine()));
afterAll(() => h.close());

/**
 * Every recorded row of the function, in full, and every byte of the recordings database: neither
 * may hold any of the secrets. (MIRROR answers the headers and query it received, so a secret the
 * function saw would be in the response body too.)
 */
async function expectNoSecret(functionName: string, secrets: string[]) {
  const { requests } = await listRecorded(h.client, functionName);
  expect(requests.length).toBeGreaterThan(0);
  const stored = JSON.stringify(
    await Promise.all(requests.map((r) => getRecorded(h.client, functionName, r.requestId))),
  );
  const file = recordingFileBytes(h.dataDir);
  for (const secret of secrets) {
    expect(stored).not.toContain(secret);
    expect(file.includes(secret)).toBe(false);
  }
  return stored;
}

const headerOf = (row: { request?: { headers: Array<[string, string]> } }, name: string) =>
  row.request?.headers.find(([n]) => n.toLowerCase() === name)?.[1];

describe('recorded requests hold no credential', () => {
  it('Basic: the header, the encoded and the decoded credentials, accepted or refused', async () => {
    const user = { username: 'recorded-user-a', password: 'Rec0rded!pass-b' };
    const { urlInternet, functionName } = await deployHttp(h, MIRROR, {
      methods: ['GET'],
      authType: 'basic',
      authConfig: { users: [user] },
    });
    const basic = (password: string) => `Basic ${Buffer.from(`${user.username}:${password}`).toString('base64')}`;
    const accepted = await call(urlInternet, { headers: { authorization: basic(user.password) } });
    const refused = await call(urlInternet, { headers: { authorization: basic('Wr0ng!secret-c') } });
    expect([accepted.status, refused.status]).toEqual([200, 401]);
    await expectNoSecret(functionName, [
      user.password,
      'Wr0ng!secret-c',
      basic(user.password).slice(6),
      basic('Wr0ng!secret-c').slice(6),
    ]);
    const row = await getRecorded(h.client, functionName, String(accepted.headers['x-fc-request-id']));
    expect(headerOf(row, 'authorization')).toBe(REDACTED);
  });

  it('Bearer: the token, accepted or refused, and a cookie and a signature header sent along', async () => {
    const token = 'Rec0rdedT0ken-' + 'k'.repeat(30);
    const { urlInternet, functionName } = await deployHttp(h, MIRROR, {
      methods: ['GET'],
      authType: 'bearer',
      authConfig: { tokens: [{ name: 'ci', token }] },
    });
    const accepted = await call(urlInternet, {
      headers: {
        authorization: `Bearer ${token}`,
        cookie: 'session=SessionSecret123; theme=dark',
        'x-acs-signature': 'SignatureValue999',
      },
    });
    const refused = await call(urlInternet, { headers: { authorization: `Bearer ${token}x` } });
    expect([accepted.status, refused.status]).toEqual([200, 401]);
    await expectNoSecret(functionName, [token, 'SessionSecret123', 'SignatureValue999']);
    const row = await getRecorded(h.client, functionName, String(accepted.headers['x-fc-request-id']));
    expect(headerOf(row, 'cookie')).toBe(`session=${REDACTED}; theme=${REDACTED}`);
    expect(headerOf(row, 'x-acs-signature')).toBe(REDACTED);
  });

  it('Bearer: the token inside a request body streamed to a web function', async () => {
    const token = 'Rec0rdedStr3amT0ken-' + 'q'.repeat(24);
    const { urlInternet, functionName } = await deployHttp(h, STREAMER, {
      methods: ['POST'],
      authType: 'bearer',
      authConfig: { tokens: [{ name: 'ci', token }] },
    });
    const reply = await call(urlInternet, {
      method: 'POST',
      path: '/count',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: `first words of the body, then the token ${token} and the rest`,
      chunked: true,
    });
    expect(reply.status).toBe(200);
    await expectNoSecret(functionName, [token]);
    const row = await getRecorded(h.client, functionName, String(reply.headers['x-fc-request-id']));
    expect(row.request?.body.data).toBe(`first words of the body, then the token ${REDACTED} and the rest`);
  });

  describe('JWT, wherever the trigger looks for it', () => {
    let token: string;
    let jwks: { keys: object[] };
    beforeAll(async () => {
      const keys = await generateKeyPair('RS256');
      jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256' }] };
      token = await new SignJWT({ uid: 'u-7' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setExpirationTime('5m')
        .sign(keys.privateKey);
    });
    const jwtTrigger = (tokenLookup: string) =>
      deployHttp(h, MIRROR, { methods: ['GET', 'POST'], authType: 'jwt', authConfig: { jwks, tokenLookup } });

    it('in a header with a prefix', async () => {
      const { urlInternet, functionName } = await jwtTrigger('header:X-Token:Token ');
      const reply = await call(urlInternet, { headers: { 'x-token': `Token ${token}` } });
      expect(reply.status).toBe(200);
      await expectNoSecret(functionName, [token]);
      expect(
        headerOf(await getRecorded(h.client, functionName, String(reply.headers['x-fc-request-id'])), 'x-token'),
      ).toBe(REDACTED);
    });

    it('in a query parameter, redacted inside the recorded path too', async () => {
      const { urlInternet, functionName } = await jwtTrigger('query:jwt');
      const reply = await call(urlInternet, { path: `/items?jwt=${token}&page=2` });
      expect(reply.status).toBe(200);
      await expectNoSecret(functionName, [token]);
      const { requests } = await listRecorded(h.client, functionName);
      expect(requests[0]!.path).toBe(`/items?jwt=${REDACTED}&page=2`);
    });

    it('in a cookie, and in a form field', async () => {
      const fromCookie = await jwtTrigger('cookie:auth');
      expect((await call(fromCookie.urlInternet, { headers: { cookie: `auth=${token}` } })).status).toBe(200);
      await expectNoSecret(fromCookie.functionName, [token]);

      const fromForm = await jwtTrigger('form:token');
      const reply = await call(fromForm.urlInternet, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `token=${token}&note=hi`,
      });
      expect(reply.status).toBe(200);
      await expectNoSecret(fromForm.functionName, [token]);
      const row = await getRecorded(h.client, fromForm.functionName, String(reply.headers['x-fc-request-id']));
      expect(row.request?.body.data).toBe(`token=${REDACTED}&note=hi`);
    });
  });
});
