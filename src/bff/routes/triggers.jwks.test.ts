import { describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { seedFunction } from '../../../mocks/fc-seed';
import { fcState } from '../../../mocks/fc-state';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { hmacJwk, JWK_HMAC_SECRET, JWK_PRIVATE, jwtTrigger, rsaPrivateJwk } from '../../../mocks/fixtures/triggers';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

useMockFc();
const BASE = '/api/functions/hello-world/triggers';
const SECRETS = [...Object.values(JWK_PRIVATE), JWK_HMAC_SECRET];

function storedKeys() {
  const config = fcState.functions.get('hello-world')!.triggers.get('jwt-trigger')!.config;
  if (config.authType !== 'jwt') throw new Error('not a JWT trigger');
  return config.authConfig.jwks.keys;
}

async function given() {
  seedFunction(helloFunction);
  const app = createTestBffApp();
  const created = await callApi(app, 'POST', BASE, jwtTrigger);
  expect(created.status).toBe(201);
  return { app, created };
}

const editWith = (keys: unknown[]) => ({
  triggerConfig: { methods: ['GET'], authType: 'jwt', authConfig: { jwks: { keys }, tokenLookup: 'cookie:jwt' } },
});

describe('JWKS private members', () => {
  it('never leave the bff: each private member answers blank, the public half as stored', async () => {
    const { app, created } = await given();
    const responses = [created, await callApi(app, 'GET', BASE), await callApi(app, 'GET', `${BASE}/jwt-trigger`)];
    for (const res of responses) for (const secret of SECRETS) expect(res.text).not.toContain(secret);
    expect(created.body.triggerConfig.authConfig.jwks.keys).toEqual([
      { kty: 'RSA', kid: 'rsa-1', alg: 'RS256', n: 'modulus-n', e: 'AQAB', d: '', p: '', q: '' },
      { kty: 'oct', kid: 'hmac-1', alg: 'HS256', k: '' },
    ]);
  });

  it('are kept when an edit sends the keys back blank or without them, matched by kid', async () => {
    const { app, created } = await given();
    const [rsa, hmac] = created.body.triggerConfig.authConfig.jwks.keys;
    const { d: _d, p: _p, q: _q, ...rsaPublic } = rsa;
    // Reordered, one key blank and one without its private members at all.
    const res = await callApi(app, 'PUT', `${BASE}/jwt-trigger`, editWith([hmac, rsaPublic]));
    expect(res.status).toBe(200);
    for (const secret of SECRETS) expect(res.text).not.toContain(secret);
    expect(storedKeys()).toEqual([hmacJwk, rsaPrivateJwk]);
  });

  it('are kept for a key without kid, matched by its position', async () => {
    seedFunction(helloFunction);
    const app = createTestBffApp();
    const anonymousHmac = { kty: 'oct', k: JWK_HMAC_SECRET };
    await callApi(app, 'POST', BASE, { ...jwtTrigger, ...editWith([anonymousHmac]) });
    const res = await callApi(app, 'PUT', `${BASE}/jwt-trigger`, editWith([{ kty: 'oct', k: '' }]));
    expect(res.status).toBe(200);
    expect(storedKeys()).toEqual([anonymousHmac]);
  });

  it('are replaced when the user pastes a new key under the same kid', async () => {
    const { app } = await given();
    const replaced = { ...hmacJwk, k: 'a-brand-new-hmac-secret' };
    const res = await callApi(app, 'PUT', `${BASE}/jwt-trigger`, editWith([replaced]));
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('a-brand-new-hmac-secret');
    expect(storedKeys()).toEqual([replaced]);
  });

  it('refuses a blank private member that matches no stored key, naming the member, and changes nothing', async () => {
    const { app } = await given();
    // Same kid, other public key: the stored private half belongs to another key.
    const other = { kty: 'RSA', kid: 'rsa-1', n: 'another-modulus', e: 'AQAB', d: '' };
    const res = await callApi(app, 'PUT', `${BASE}/jwt-trigger`, editWith([other]));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'InvalidArgument',
      fields: { 'triggerConfig.authConfig.jwks.keys.0.d': 'jwt.jwks.secretMissing' },
    });
    expect(storedKeys()).toEqual([rsaPrivateJwk, hmacJwk]);
  });
});
