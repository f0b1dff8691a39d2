import { describe, expect, it } from 'vitest';
import { describeIssues } from './validation-messages';
import { resourceNameSchema } from './names';
import {
  httpTriggerConfigSchema,
  redactTriggerConfig,
  restoreTriggerSecrets,
  triggerConfigFromApiSchema,
  triggerCreateSchema,
  triggerUpdateSchema,
  type HttpTriggerConfig,
} from './trigger';

const anonymous = { methods: ['GET', 'POST'], authType: 'anonymous' };

describe('resource names', () => {
  it.each(['http-trigger', '_private', 'A', 'a'.repeat(128), 'fn_1-x'])('accepts %s', (name) => {
    expect(resourceNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ['', 'name.required'],
    ['1trigger', 'name.format'],
    ['-trigger', 'name.format'],
    ['has space', 'name.format'],
    ['dot.name', 'name.format'],
    ['a'.repeat(129), 'name.tooLong'],
  ])('refuses %j with %s', (name, key) => {
    const result = resourceNameSchema.safeParse(name);
    expect(result.error?.issues[0]?.message).toBe(key);
  });
});

describe('triggerCreateSchema', () => {
  it('takes the seed example and defaults the qualifier to LATEST', () => {
    const result = triggerCreateSchema.parse({
      triggerName: 'http-trigger',
      triggerType: 'http',
      triggerConfig: { methods: ['GET', 'POST', 'PUT', 'DELETE'], authType: 'anonymous', disableURLInternet: false },
    });
    expect(result.qualifier).toBe('LATEST');
    expect(result.triggerConfig.methods).toEqual(['GET', 'POST', 'PUT', 'DELETE']);
  });

  it('refuses other trigger types, unknown and duplicate methods, and no methods', () => {
    const base = { triggerName: 't', triggerConfig: anonymous };
    expect(triggerCreateSchema.safeParse({ ...base, triggerType: 'timer' }).error?.issues[0]?.message).toBe(
      'triggerType.http',
    );
    const config = (methods: unknown) => httpTriggerConfigSchema.safeParse({ methods, authType: 'anonymous' });
    expect(config(['TRACE']).error?.issues[0]?.message).toBe('methods.invalid');
    expect(config(['GET', 'GET']).error?.issues[0]?.message).toBe('methods.duplicate');
    expect(config([]).error?.issues[0]?.message).toBe('methods.required');
  });

  it('accepts all seven methods and each authentication method', () => {
    const all = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'];
    expect(httpTriggerConfigSchema.safeParse({ methods: all, authType: 'function' }).success).toBe(true);
    expect(httpTriggerConfigSchema.safeParse({ methods: all, authType: 'nobody' }).error?.issues[0]?.message).toBe(
      'authType.invalid',
    );
  });

  it('rejects an unknown qualifier spelling', () => {
    const result = triggerCreateSchema.safeParse({
      triggerName: 't',
      triggerType: 'http',
      qualifier: 'not a qualifier',
      triggerConfig: anonymous,
    });
    expect(result.error?.issues[0]?.path).toEqual(['qualifier']);
  });
});

const jwks = { keys: [{ kty: 'RSA', n: 'abc', e: 'AQAB', kid: 'k1' }] };

describe('triggerConfig as the OpenAPI sends it', () => {
  it('reads a JSON string whose authConfig is itself a JSON string', () => {
    const config = triggerConfigFromApiSchema.parse(
      JSON.stringify({
        methods: ['GET'],
        authType: 'bearer',
        authConfig: JSON.stringify({ tokens: [{ name: 'ci', token: 'T'.repeat(40) }] }),
      }),
    );
    expect(config.authType === 'bearer' && config.authConfig.tokens[0]?.name).toBe('ci');
  });

  it('defaults a missing authType to function, as the SDK documents', () => {
    expect(triggerConfigFromApiSchema.parse('{"methods":["GET"]}').authType).toBe('function');
    expect(triggerConfigFromApiSchema.safeParse({ methods: ['GET'], authType: 'none' }).success).toBe(false);
  });

  it.each([
    ['the SDK example', { JWKS: jwks, TokenLookup: 'header:Authorization:Bearer ', ClaimPassBy: 'query:uid:uid' }],
    ['fc3', { jwks, tokenLookup: 'header:Authorization:Bearer ', claimPassBy: 'query::', whiteList: ['/login'] }],
    ['any other case', { Jwks: JSON.stringify(jwks), TOKENLOOKUP: 'cookie:t', Whitelist: ['/login'] }],
  ])('reads JWT keys in the spelling of %s', (_, authConfig) => {
    const config = triggerConfigFromApiSchema.parse(JSON.stringify({ methods: ['GET'], authType: 'jwt', authConfig }));
    expect(config.authType === 'jwt' && config.authConfig.jwks).toEqual(jwks);
    expect(config.authType === 'jwt' && config.authConfig.tokenLookup).toMatch(/^(header|cookie)/);
  });

  it('keeps whiteList and blackList exclusive whatever their case', () => {
    const authConfig = { jwks, tokenLookup: 'cookie:t', whiteList: ['/a'], BlackList: ['/b'] };
    expect(triggerConfigFromApiSchema.safeParse({ methods: ['GET'], authType: 'jwt', authConfig }).success).toBe(false);
  });

  it('names the field in the API message', () => {
    const result = httpTriggerConfigSchema.safeParse({
      ...anonymous,
      corsConfig: { allowOrigins: ['https://*.a.com'] },
    });
    expect(describeIssues(result.error!.issues, 'triggerConfig')).toBe(
      'triggerConfig.corsConfig.allowOrigins.0: Subdomain wildcards such as https://*.example.com are not supported: list each origin, or use https://*.',
    );
  });
});

describe('secrets in Edit Trigger', () => {
  const stored: HttpTriggerConfig = {
    methods: ['GET'],
    authType: 'basic',
    authConfig: { users: [{ username: 'console-user-a', password: 'Str0ng!pass-a' }] },
  };

  it('never hands a stored password to the console', () => {
    expect(JSON.stringify(redactTriggerConfig(stored))).not.toContain('Str0ng!pass-a');
  });

  it('keeps a blank password and takes a new one', () => {
    const redacted = redactTriggerConfig(stored);
    const rows =
      redacted.authType === 'basic' ? redacted.authConfig.users.map((u) => ({ ...u, storedUsername: u.username })) : [];
    const edit = triggerUpdateSchema.parse({
      triggerConfig: { ...redacted, authConfig: { users: rows } },
    }).triggerConfig;
    const kept = httpTriggerConfigSchema.parse(restoreTriggerSecrets(edit, stored));
    expect(kept.authType === 'basic' && kept.authConfig.users[0]?.password).toBe('Str0ng!pass-a');

    const added = triggerUpdateSchema.parse({
      triggerConfig: { ...edit, authConfig: { users: [{ username: 'new-console-user', password: '' }] } },
    }).triggerConfig;
    // Renamed, the row keeps the password of the stored user it was loaded as.
    const renamed = triggerUpdateSchema.parse({
      triggerConfig: {
        ...edit,
        authConfig: { users: [{ username: 'renamed-console-user', password: '', storedUsername: rows[0]?.username }] },
      },
    }).triggerConfig;
    const kept2 = httpTriggerConfigSchema.parse(restoreTriggerSecrets(renamed, stored));
    expect(kept2.authType === 'basic' && kept2.authConfig.users[0]).toEqual({
      username: 'renamed-console-user',
      password: 'Str0ng!pass-a',
    });
    // A new user with a blank password has nothing to keep: the full schema refuses it.
    expect(httpTriggerConfigSchema.safeParse(restoreTriggerSecrets(added, stored)).success).toBe(false);
  });

  it('refuses a blank password on create', () => {
    const result = httpTriggerConfigSchema.safeParse({
      methods: ['GET'],
      authType: 'basic',
      authConfig: { users: [{ username: 'console-user-a', password: '' }] },
    });
    expect(result.success).toBe(false);
  });
});
