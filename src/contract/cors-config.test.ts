import { describe, expect, it } from 'vitest';
import { corsConfigSchema, originAllowed } from './cors-config';

function issues(input: unknown) {
  const result = corsConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('corsConfigSchema', () => {
  it('accepts the seed examples: *, https://*, exact origins and all six fields', () => {
    expect(issues({ allowOrigins: ['*'] })).toEqual([]);
    expect(issues({ allowOrigins: ['https://*'] })).toEqual([]);
    expect(
      issues({
        allowOrigins: ['https://example.com', 'https://app.example.com', 'http://localhost:5173'],
        allowMethods: ['GET', 'POST', '*'],
        allowHeaders: ['Content-Type', '*'],
        exposeHeaders: ['x-request-id'],
        allowCredentials: true,
        maxAge: 86400,
      }),
    ).toEqual([]);
  });

  it('refuses a subdomain wildcard with its own message', () => {
    expect(issues({ allowOrigins: ['https://*.example.com'] })).toEqual([
      'allowOrigins.0: cors.origin.subdomainWildcard',
    ]);
  });

  it('refuses origins that are not origins', () => {
    expect(issues({ allowOrigins: ['example.com'] })).toEqual(['allowOrigins.0: cors.origin.format']);
    expect(issues({ allowOrigins: ['https://example.com/path'] })).toEqual(['allowOrigins.0: cors.origin.format']);
  });

  it('counts origins: 100 pass, 101 fail; each at most 256 characters', () => {
    const origin = (i: number) => `https://o${i}.example.com`;
    expect(issues({ allowOrigins: Array.from({ length: 100 }, (_, i) => origin(i)) })).toEqual([]);
    expect(issues({ allowOrigins: Array.from({ length: 101 }, (_, i) => origin(i)) })).toEqual([
      'allowOrigins: cors.allowOrigins.tooMany',
    ]);
    const host = (n: number) => 'a'.repeat(n);
    expect(issues({ allowOrigins: [`https://${host(248)}`] })).toEqual([]); // 256 characters
    expect(issues({ allowOrigins: [`https://${host(249)}`] })).toEqual(['allowOrigins.0: cors.origin.tooLong']);
  });

  it('needs at least one origin', () => {
    expect(issues({ allowOrigins: [] })).toEqual(['allowOrigins: cors.allowOrigins.required']);
  });

  it('never takes OPTIONS, nor an unknown method', () => {
    expect(issues({ allowOrigins: ['*'], allowMethods: ['OPTIONS'] })).toEqual([
      'allowMethods.0: cors.allowMethods.options',
    ]);
    expect(issues({ allowOrigins: ['*'], allowMethods: ['TRACE'] })).toEqual([
      'allowMethods.0: cors.allowMethods.invalid',
    ]);
  });

  it('takes at most 50 allowed and 50 exposed headers', () => {
    const headers = (n: number) => Array.from({ length: n }, (_, i) => `x-h${i}`);
    expect(issues({ allowOrigins: ['*'], allowHeaders: headers(50), exposeHeaders: headers(50) })).toEqual([]);
    expect(issues({ allowOrigins: ['*'], allowHeaders: headers(51) })).toEqual([
      'allowHeaders: cors.allowHeaders.tooMany',
    ]);
    expect(issues({ allowOrigins: ['*'], exposeHeaders: headers(51) })).toEqual([
      'exposeHeaders: cors.exposeHeaders.tooMany',
    ]);
    expect(issues({ allowOrigins: ['*'], allowHeaders: ['bad header'] })).toEqual([
      'allowHeaders.0: cors.header.format',
    ]);
  });

  it('refuses credentials with the * origin, but not with https://*', () => {
    expect(issues({ allowOrigins: ['*'], allowCredentials: true })).toEqual([
      'allowOrigins: cors.credentialsWithWildcard',
    ]);
    expect(issues({ allowOrigins: ['https://*'], allowCredentials: true })).toEqual([]);
  });

  it('keeps maxAge within 0–86400 whole seconds', () => {
    expect(issues({ allowOrigins: ['*'], maxAge: 0 })).toEqual([]);
    expect(issues({ allowOrigins: ['*'], maxAge: 86401 })).toEqual(['maxAge: cors.maxAge.range']);
    expect(issues({ allowOrigins: ['*'], maxAge: -1 })).toEqual(['maxAge: cors.maxAge.range']);
    expect(issues({ allowOrigins: ['*'], maxAge: 1.5 })).toEqual(['maxAge: cors.maxAge.range']);
  });
});

describe('originAllowed', () => {
  it('matches *, scheme wildcards and exact origins only', () => {
    expect(originAllowed(['*'], 'https://a.test')).toBe(true);
    expect(originAllowed(['https://*'], 'https://a.test')).toBe(true);
    expect(originAllowed(['https://*'], 'http://a.test')).toBe(false);
    expect(originAllowed(['https://a.test'], 'https://A.test')).toBe(true);
    expect(originAllowed(['https://a.test'], 'https://b.a.test')).toBe(false);
  });
});
