import { describe, expect, it } from 'vitest';
import type { $FC } from './testing/engine-kit';
import { createFunction, createHttpTrigger, sdkError, useTestEngine } from './testing/engine-kit';

// Trigger configs in the spellings real clients send: the SDK's example and Serverless Devs fc3.
const kit = useTestEngine((client) => createFunction(client, 'Shapes'));

const jwks = { keys: [{ kty: 'RSA', n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri', e: 'AQAB', kid: 'k1' }] };
const configOf = (trigger: $FC.Trigger | undefined) => JSON.parse(trigger!.triggerConfig!) as Record<string, unknown>;

describe('trigger configs as real clients send them', () => {
  it('defaults a missing authType to function, as the SDK documents', async () => {
    const created = await createHttpTrigger(kit.client, 'Shapes', 't', { triggerConfig: { methods: ['GET'] } });
    expect(configOf(created.body)).toMatchObject({ methods: ['GET'], authType: 'function' });
  });

  it.each([
    ['the SDK example', { JWKS: jwks, TokenLookup: 'header:Authorization:Bearer ', ClaimPassBy: 'query:uid:uid' }],
    ['fc3 with no pass-by', { jwks, tokenLookup: 'header:Authorization:Bearer ', claimPassBy: 'query::' }],
    ['fc3 with a blank claim', { jwks, tokenLookup: 'cookie:token', claimPassBy: 'query::name', whiteList: ['/a'] }],
  ])('accepts JWT authConfig in the spelling of %s and answers in the SDK example spelling', async (_, authConfig) => {
    const created = await createHttpTrigger(kit.client, 'Shapes', 'jwt', {
      triggerConfig: { methods: ['GET'], authType: 'jwt', authConfig: JSON.stringify(authConfig) },
    });
    const answered = configOf(created.body).authConfig as Record<string, unknown>;
    expect(Object.keys(answered).filter((k) => /^[a-z]/.test(k))).toEqual([]);
    expect(answered).toMatchObject({ JWKS: jwks, TokenLookup: expect.any(String) });
    const got = await kit.client.getTrigger('Shapes', 'jwt');
    expect(configOf(got.body).authConfig).toEqual(answered);
  });

  it('keeps a whitelist sent as whiteList and answers it as Whitelist', async () => {
    const authConfig = {
      jwks,
      tokenLookup: 'cookie:token',
      claimPassBy: 'query::',
      whiteList: ['/login', '/public/*'],
    };
    const created = await createHttpTrigger(kit.client, 'Shapes', 'jwt', {
      triggerConfig: { methods: ['GET'], authType: 'jwt', authConfig },
    });
    expect(configOf(created.body).authConfig).toMatchObject({
      Whitelist: ['/login', '/public/*'],
      ClaimPassBy: 'query::',
    });
  });

  it('still refuses a whitelist and a blacklist together, whatever their case', async () => {
    const authConfig = { JWKS: jwks, TokenLookup: 'cookie:token', whiteList: ['/a'], Blacklist: ['/b'] };
    const error = await sdkError(
      createHttpTrigger(kit.client, 'Shapes', 'jwt', {
        triggerConfig: { methods: ['GET'], authType: 'jwt', authConfig },
      }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
  });
});
