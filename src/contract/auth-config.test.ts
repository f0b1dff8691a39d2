import { describe, expect, it } from 'vitest';
import {
  basicAuthConfigSchema,
  bearerAuthConfigSchema,
  jwtAuthConfigSchema,
  parseClaimPassBy,
  parseTokenLookup,
  pathMatches,
} from './auth-config';

const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

const jwks = { keys: [{ kty: 'RSA', n: 'abc', e: 'AQAB', kid: 'k1' }] };

describe('JWT', () => {
  it('parses token lookup sources in order, keeping the header prefix', () => {
    expect(parseTokenLookup('header:Authorization:Bearer ,cookie:token,query:jwt,form:t')).toEqual([
      { in: 'header', name: 'Authorization', prefix: 'Bearer ' },
      { in: 'cookie', name: 'token' },
      { in: 'query', name: 'jwt' },
      { in: 'form', name: 't' },
    ]);
    expect(parseTokenLookup('body:token')).toBeUndefined();
    expect(parseTokenLookup('cookie:a:b')).toBeUndefined();
  });

  it('parses claim pass-by', () => {
    expect(parseClaimPassBy('header:uid:x-uid,query:name:name')).toEqual([
      { to: 'header', claim: 'uid', as: 'x-uid' },
      { to: 'query', claim: 'name', as: 'name' },
    ]);
    expect(parseClaimPassBy('cookie:uid:x')).toEqual([{ to: 'cookie', claim: 'uid', as: 'x' }]);
    expect(parseClaimPassBy('body:uid:x')).toBeUndefined();
  });

  it("skips the empty entries fc3 sends ('query::' when none is configured, 'query::name' for a blank claim)", () => {
    expect(parseClaimPassBy('query::')).toEqual([]);
    expect(parseClaimPassBy('query::name,header:uid:x-uid,')).toEqual([{ to: 'header', claim: 'uid', as: 'x-uid' }]);
    expect(parseClaimPassBy('body::')).toBeUndefined();
    expect(parseClaimPassBy('query:a:b:c')).toBeUndefined();
  });

  it('matches whitelist paths exactly or by a trailing *', () => {
    expect(pathMatches('/login', '/login')).toBe(true);
    expect(pathMatches('/login', '/login/x')).toBe(false);
    expect(pathMatches('/public/*', '/public/a/b')).toBe(true);
  });

  it('accepts a config with a JWKS given as an object or as JSON text', () => {
    expect(messages(jwtAuthConfigSchema.safeParse({ jwks, tokenLookup: 'header:Authorization:Bearer ' }))).toEqual([]);
    const parsed = jwtAuthConfigSchema.safeParse({ jwks: JSON.stringify(jwks), tokenLookup: 'cookie:t' });
    expect(parsed.success && parsed.data.jwks.keys[0]?.kty).toBe('RSA');
  });

  it('refuses an empty JWKS, a bad lookup, bad paths, and both lists at once', () => {
    expect(messages(jwtAuthConfigSchema.safeParse({ jwks: { keys: [] }, tokenLookup: 'cookie:t' }))).toEqual([
      'jwks.keys: jwt.jwks.required',
    ]);
    expect(messages(jwtAuthConfigSchema.safeParse({ jwks, tokenLookup: 'body:t' }))).toEqual([
      'tokenLookup: jwt.tokenLookup.format',
    ]);
    expect(messages(jwtAuthConfigSchema.safeParse({ jwks, tokenLookup: 'cookie:t', whitelist: ['login'] }))).toEqual([
      'whitelist.0: jwt.paths.format',
    ]);
    expect(
      messages(jwtAuthConfigSchema.safeParse({ jwks, tokenLookup: 'cookie:t', whitelist: ['/a'], blacklist: ['/b'] })),
    ).toHaveLength(1);
  });
});

describe('Basic', () => {
  const user = (username: string, password: string) => ({ username, password });

  it('accepts up to 20 users with strong, different passwords', () => {
    const users = Array.from({ length: 20 }, (_, i) => user(`console-user-${i}`, `Str0ng!pass-${i}`));
    expect(messages(basicAuthConfigSchema.safeParse({ users }))).toEqual([]);
  });

  it('refuses 21 users and none', () => {
    const users = Array.from({ length: 21 }, (_, i) => user(`console-user-${i}`, `Str0ng!pass-${i}`));
    expect(messages(basicAuthConfigSchema.safeParse({ users }))).toEqual(['users: basic.users.tooMany']);
    expect(messages(basicAuthConfigSchema.safeParse({ users: [] }))).toEqual(['users: basic.users.required']);
  });

  it('holds usernames and passwords to 12–128 characters', () => {
    expect(messages(basicAuthConfigSchema.safeParse({ users: [user('a'.repeat(11), 'Str0ng!pass-1')] }))).toEqual([
      'users.0.username: basic.username.length',
    ]);
    expect(
      messages(basicAuthConfigSchema.safeParse({ users: [user('a'.repeat(12), 'Aa1!' + 'x'.repeat(7))] })),
    ).toEqual(['users.0.password: basic.password.length']);
    expect(
      messages(basicAuthConfigSchema.safeParse({ users: [user('a'.repeat(128), 'Aa1!' + 'x'.repeat(124))] })),
    ).toEqual([]);
  });

  it('refuses a username with a colon, which Basic authentication could never send (RFC 7617)', () => {
    expect(messages(basicAuthConfigSchema.safeParse({ users: [user('console:user-1', 'Str0ng!pass-1')] }))).toEqual([
      'users.0.username: basic.username.colon',
    ]);
    expect(messages(basicAuthConfigSchema.safeParse({ users: [user('console-user:', 'Str0ng!pass-1')] }))).toEqual([
      'users.0.username: basic.username.colon',
    ]);
  });

  it('needs upper, lower, digit and special characters', () => {
    for (const weak of ['alllowercase1!', 'ALLUPPERCASE1!', 'NoDigitsHere!!', 'NoSpecial1234a']) {
      expect(messages(basicAuthConfigSchema.safeParse({ users: [user('console-user', weak)] }))).toEqual([
        'users.0.password: basic.password.complexity',
      ]);
    }
  });

  it('refuses duplicate usernames and shared passwords', () => {
    const result = basicAuthConfigSchema.safeParse({
      users: [user('console-user', 'Str0ng!pass-1'), user('console-user', 'Str0ng!pass-1')],
    });
    expect(messages(result)).toEqual([
      'users.1.username: basic.username.duplicate',
      'users.1.password: basic.password.duplicate',
    ]);
  });
});

describe('Bearer', () => {
  const token = 'A'.repeat(32);

  it('accepts 1–20 named tokens of 32–128 allowed characters', () => {
    expect(
      messages(bearerAuthConfigSchema.safeParse({ tokens: [{ name: 'ci', token: 'aZ09+/=-~.'.repeat(4) }] })),
    ).toEqual([]);
    expect(messages(bearerAuthConfigSchema.safeParse({ tokens: [{ name: 'ci', token: 'x'.repeat(128) }] }))).toEqual(
      [],
    );
  });

  it('refuses short, long and badly spelled tokens', () => {
    for (const bad of ['x'.repeat(31), 'x'.repeat(129), `${'x'.repeat(31)}!`]) {
      expect(messages(bearerAuthConfigSchema.safeParse({ tokens: [{ name: 'ci', token: bad }] }))).toEqual([
        'tokens.0.token: bearer.token.format',
      ]);
    }
  });

  it('refuses bad and duplicate names, and more than 20 tokens', () => {
    expect(messages(bearerAuthConfigSchema.safeParse({ tokens: [{ name: '1ci', token }] }))).toEqual([
      'tokens.0.name: bearer.name.format',
    ]);
    expect(
      messages(
        bearerAuthConfigSchema.safeParse({
          tokens: [
            { name: 'ci', token },
            { name: 'ci', token: 'B'.repeat(32) },
          ],
        }),
      ),
    ).toEqual(['tokens.1.name: bearer.name.duplicate']);
    const tokens = Array.from({ length: 21 }, (_, i) => ({ name: `t${i}`, token }));
    expect(messages(bearerAuthConfigSchema.safeParse({ tokens }))).toEqual(['tokens: bearer.tokens.tooMany']);
  });
});
