import { describe, expect, it } from 'vitest';
import {
  CUSTOM_DOMAIN_MAX_ROUTES,
  customDomainEditSchema,
  customDomainInputSchema,
  customDomainSchema,
  customDomainUpdateSchema,
  domainNameSchema,
  domainServesHost,
  redactDomainAuthConfig,
  restoreDomainAuthSecrets,
} from './custom-domain';

function issues(
  schema: {
    safeParse: (v: unknown) => {
      success: boolean;
      error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
    };
  },
  input: unknown,
) {
  const result = schema.safeParse(input);
  return result.success ? [] : (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

describe('domainNameSchema: FC domain name rules', () => {
  it('accepts standard, wildcard and .localhost names', () => {
    for (const name of ['example.com', 'api.example.com', '*.example.com', 'shop.localhost', 'a-1.b2.io'])
      expect(issues(domainNameSchema, name)).toEqual([]);
  });

  it('refuses labels starting with a hyphen, numeric or one-letter TLDs, spaces and bare names', () => {
    for (const name of ['-a.example.com', 'example.c', 'example.123', 'exa mple.com', 'localhost', 'a..com', '例え.jp'])
      expect(issues(domainNameSchema, name)).toEqual([': domain.name.format']);
  });

  it('bounds a label to 63 and a name to 256 characters', () => {
    expect(issues(domainNameSchema, `${'a'.repeat(63)}.com`)).toEqual([]);
    expect(issues(domainNameSchema, `${'a'.repeat(64)}.com`)).toEqual([': domain.name.format']);
    const long = `${Array.from({ length: 5 }, () => 'a'.repeat(50)).join('.')}.com`; // 258
    expect(issues(domainNameSchema, long)).toEqual([': domain.name.tooLong']);
  });
});

describe('customDomainInputSchema', () => {
  const base = { domainName: 'app.localhost' };

  it('defaults the protocol to HTTP and reads routes as the SDK spells them', () => {
    const parsed = customDomainInputSchema.parse({
      ...base,
      routeConfig: {
        routes: [
          { path: '/api/*', functionName: 'api', qualifier: 'prod', methods: ['GET', 'POST'] },
          {
            path: '/*',
            functionName: 'web',
            rewriteConfig: { regexRules: [{ match: '^/v1/(.*)', replacement: '/$1' }] },
          },
        ],
      },
    });
    expect(parsed.protocol).toBe('HTTP');
    expect(parsed.routeConfig?.routes.map((r) => r.functionName)).toEqual(['api', 'web']);
  });

  it('refuses route paths FC does not take: no leading /, * before the end, a query', () => {
    const withPath = (path: string) => ({ ...base, routeConfig: { routes: [{ path, functionName: 'f' }] } });
    for (const path of ['api/*', '/a/*/b', '/a?x=1', '/a b'])
      expect(issues(customDomainInputSchema, withPath(path))).toEqual([
        'routeConfig.routes.0.path: domain.route.path.format',
      ]);
    expect(issues(customDomainInputSchema, withPath('/'))).toEqual([]);
    expect(issues(customDomainInputSchema, withPath('/*'))).toEqual([]);
  });

  it(`takes at most ${CUSTOM_DOMAIN_MAX_ROUTES} routes`, () => {
    const routes = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `/r${i}`, functionName: 'f' }));
    expect(issues(customDomainInputSchema, { ...base, routeConfig: { routes: routes(100) } })).toEqual([]);
    expect(issues(customDomainInputSchema, { ...base, routeConfig: { routes: routes(101) } })).toEqual([
      'routeConfig.routes: domain.routes.tooMany',
    ]);
  });

  it('checks methods, qualifiers and function names with the trigger rules', () => {
    const bad = {
      ...base,
      routeConfig: { routes: [{ path: '/', functionName: '9x', qualifier: 'a b', methods: ['GET', 'GET', 'TRACE'] }] },
    };
    expect(issues(customDomainInputSchema, bad)).toEqual(
      expect.arrayContaining([
        'routeConfig.routes.0.functionName: name.format',
        'routeConfig.routes.0.qualifier: qualifier.format',
        'routeConfig.routes.0.methods.2: methods.invalid',
      ]),
    );
  });

  it('refuses a regex rewrite rule that does not compile', () => {
    const input = {
      ...base,
      routeConfig: {
        routes: [{ path: '/*', functionName: 'f', rewriteConfig: { regexRules: [{ match: '(', replacement: '/' }] } }],
      },
    };
    expect(issues(customDomainInputSchema, input)).toEqual([
      'routeConfig.routes.0.rewriteConfig.regexRules.0.match: domain.rewrite.regex',
    ]);
  });

  it('reads a jwt authInfo (string or object) with the trigger JWT rules; anonymous needs none', () => {
    const jwt = { jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }, tokenLookup: 'header:Authorization:Bearer ' };
    expect(
      issues(customDomainInputSchema, { ...base, authConfig: { authType: 'jwt', authInfo: JSON.stringify(jwt) } }),
    ).toEqual([]);
    const asObject = customDomainInputSchema.parse({ ...base, authConfig: { authType: 'jwt', authInfo: jwt } });
    expect(JSON.parse(asObject.authConfig?.authInfo ?? '')).toEqual(jwt);
    expect(issues(customDomainInputSchema, { ...base, authConfig: { authType: 'jwt', authInfo: '{}' } })).toEqual(
      expect.arrayContaining(['authConfig.authInfo.jwks: jwt.jwks.required']),
    );
    expect(issues(customDomainInputSchema, { ...base, authConfig: { authType: 'anonymous' } })).toEqual([]);
    expect(issues(customDomainInputSchema, { ...base, authConfig: { authType: 'basic' } })).toEqual([
      'authConfig.authType: domain.auth.type',
    ]);
  });

  it('needs a certificate for HTTPS', () => {
    expect(issues(customDomainInputSchema, { ...base, protocol: 'HTTP,HTTPS' })).toEqual([
      'certConfig: domain.cert.https',
    ]);
    const certConfig = {
      certName: 'c',
      certificate: '-----BEGIN CERTIFICATE-----',
      privateKey: '-----BEGIN PRIVATE KEY-----',
    };
    expect(issues(customDomainInputSchema, { ...base, protocol: 'HTTPS', certConfig })).toEqual([]);
    expect(issues(customDomainInputSchema, { ...base, protocol: 'FTP' })).toEqual([
      'protocol: domain.protocol.invalid',
    ]);
  });
});

describe('customDomainUpdateSchema', () => {
  it('takes any subset of fields and never the domain name', () => {
    expect(customDomainUpdateSchema.parse({})).toEqual({});
    expect(customDomainUpdateSchema.parse({ domainName: 'other.com', protocol: 'HTTP' })).toEqual({ protocol: 'HTTP' });
  });
});

describe('domainServesHost', () => {
  it('matches names without case, and wildcard names on one or more labels', () => {
    expect(domainServesHost('App.localhost', 'app.LOCALHOST')).toBe(true);
    expect(domainServesHost('app.localhost', 'x.app.localhost')).toBe(false);
    expect(domainServesHost('*.example.com', 'a.example.com')).toBe(true);
    expect(domainServesHost('*.example.com', 'a.b.example.com')).toBe(true);
    expect(domainServesHost('*.example.com', 'example.com')).toBe(false);
    expect(domainServesHost('*.example.com', 'badexample.com')).toBe(false);
  });
});

describe('redactDomainAuthConfig', () => {
  it('blanks the JWKS private members of a jwt domain and leaves other types alone', () => {
    const jwt = {
      jwks: { keys: [{ kty: 'oct', kid: 'a', k: 'c2VjcmV0' }] },
      tokenLookup: 'header:Authorization:Bearer ',
    };
    const redacted = redactDomainAuthConfig({ authType: 'jwt', authInfo: JSON.stringify(jwt) });
    expect(JSON.parse(redacted.authInfo ?? '').jwks.keys).toEqual([{ kty: 'oct', kid: 'a', k: '' }]);
    expect(redactDomainAuthConfig({ authType: 'anonymous' })).toEqual({ authType: 'anonymous' });
  });
});

describe('restoreDomainAuthSecrets', () => {
  it('fills blank private members from the stored key with the same kid, and keeps a new key as sent', () => {
    const lookup = 'header:Authorization:Bearer ';
    const stored = {
      authType: 'jwt' as const,
      authInfo: JSON.stringify({ jwks: { keys: [{ kty: 'oct', kid: 'a', k: 'c2VjcmV0' }] }, tokenLookup: lookup }),
    };
    const edit = redactDomainAuthConfig(stored);
    expect(JSON.parse(restoreDomainAuthSecrets(edit, stored).authInfo ?? '').jwks.keys[0].k).toBe('c2VjcmV0');
    const fresh = {
      authType: 'jwt' as const,
      authInfo: JSON.stringify({ jwks: { keys: [{ kty: 'oct', kid: 'a', k: 'bmV3' }] }, tokenLookup: lookup }),
    };
    expect(JSON.parse(restoreDomainAuthSecrets(fresh, stored).authInfo ?? '').jwks.keys[0].k).toBe('bmV3');
    expect(restoreDomainAuthSecrets({ authType: 'anonymous' }, stored)).toEqual({ authType: 'anonymous' });
  });
});

describe('the console view and edit take redacted secrets', () => {
  it('parses a redacted jwt domain as a view and an edit, but not as an UpdateCustomDomain body', () => {
    const authInfo = JSON.stringify({
      jwks: { keys: [{ kty: 'oct', kid: 'a', k: '' }] },
      tokenLookup: 'header:Authorization:Bearer ',
    });
    const authConfig = { authType: 'jwt', authInfo };
    const view = {
      domainName: 'a.localhost',
      protocol: 'HTTP',
      createdTime: 't',
      lastModifiedTime: 't',
      routeConfig: { routes: [] },
      authConfig,
    };
    expect(customDomainSchema.safeParse(view).success).toBe(true);
    expect(customDomainEditSchema.safeParse({ authConfig }).success).toBe(true);
    expect(issues(customDomainUpdateSchema, { authConfig })).toEqual([
      'authConfig.authInfo.jwks.keys.0.k: jwt.jwks.secretMissing',
    ]);
  });
});
