import { describe, expect, it } from 'vitest';
import type { HttpTriggerConfig } from '../../contract/trigger';
import { policiesReadBody } from './stream-body';

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const JSON_BODY = { 'content-type': 'application/json' };

const trigger = (auth: Partial<HttpTriggerConfig>) =>
  ({ methods: ['POST'], authType: 'anonymous', ...auth }) as HttpTriggerConfig;
const jwt = (authConfig: { tokenLookup: string; claimPassBy?: string }) =>
  trigger({
    authType: 'jwt',
    authConfig: { jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }, ...authConfig },
  } as Partial<HttpTriggerConfig>);

describe('which requests are read whole before the function is invoked', () => {
  it('anonymous, Basic and Bearer triggers stream the body', () => {
    expect(policiesReadBody(trigger({}), JSON_BODY)).toBe(false);
    expect(
      policiesReadBody(trigger({ authType: 'basic', authConfig: { users: [] } } as Partial<HttpTriggerConfig>), FORM),
    ).toBe(false);
    expect(
      policiesReadBody(trigger({ authType: 'bearer', authConfig: { tokens: [] } } as Partial<HttpTriggerConfig>), FORM),
    ).toBe(false);
  });

  it('Signature auth and an async invocation read it', () => {
    expect(policiesReadBody(trigger({ authType: 'function' } as Partial<HttpTriggerConfig>), JSON_BODY)).toBe(true);
    expect(policiesReadBody(trigger({}), { 'x-fc-invocation-type': 'Async' })).toBe(true);
  });

  it('JWT reads a form body only when a token is looked up in, or a claim passed to, a form field', () => {
    expect(policiesReadBody(jwt({ tokenLookup: 'header:Authorization:Bearer ,cookie:token' }), FORM)).toBe(false);
    expect(policiesReadBody(jwt({ tokenLookup: 'header:Authorization:Bearer ,form:jwt' }), FORM)).toBe(true);
    expect(policiesReadBody(jwt({ tokenLookup: 'header:Authorization:Bearer ,form:jwt' }), JSON_BODY)).toBe(false);
    expect(policiesReadBody(jwt({ tokenLookup: 'cookie:token', claimPassBy: 'form:uid:uid' }), FORM)).toBe(true);
  });
});
