import { z } from 'zod';
import { JWK_PRIVATE_MEMBERS } from './jwk-secrets';
import { RESOURCE_NAME_PATTERN, parseJsonString } from './names';

// ---- JWT -------------------------------------------------------------------------------------

export type TokenSource =
  { in: 'header'; name: string; prefix: string } | { in: 'cookie' | 'query' | 'form'; name: string };

export type ClaimPass = { to: 'header' | 'query' | 'form' | 'cookie'; claim: string; as: string };

/**
 * `header:Authorization:Bearer ,cookie:token,query:jwt` → sources in lookup order. The prefix of a
 * header source keeps its trailing space ("Bearer "), as the real service's examples write it.
 * Returns undefined when an entry is malformed.
 */
export function parseTokenLookup(value: string): TokenSource[] | undefined {
  const sources: TokenSource[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trimStart();
    const [where, name, ...rest] = entry.split(':');
    if (!name || !/^[A-Za-z0-9_.-]+$/.test(name)) return undefined;
    if (where === 'header') sources.push({ in: 'header', name, prefix: rest.join(':') });
    else if ((where === 'cookie' || where === 'query' || where === 'form') && rest.length === 0)
      sources.push({ in: where, name });
    else return undefined;
  }
  return sources.length > 0 ? sources : undefined;
}

/**
 * `header:uid:x-uid,query:name:name` → claims copied into the request passed to the function.
 * An entry without a claim or a target name carries nothing and is skipped: fc3 sends `query::`
 * when no pass-by is configured, and `query::name` for an entry whose claim it left blank.
 */
export function parseClaimPassBy(value: string): ClaimPass[] | undefined {
  const passes: ClaimPass[] = [];
  for (const raw of value.split(',')) {
    if (raw.trim() === '') continue;
    const [to, claim = '', as = '', ...rest] = raw.trim().split(':');
    if (rest.length > 0) return undefined;
    if (to !== 'header' && to !== 'query' && to !== 'form' && to !== 'cookie') return undefined;
    if (!claim || !as) continue;
    if (!/^[A-Za-z0-9_.-]+$/.test(claim) || !/^[A-Za-z0-9_.-]+$/.test(as)) return undefined;
    passes.push({ to, claim, as });
  }
  return passes;
}

/** Whitelist/blacklist paths match exactly, or by prefix when they end with `*`. */
export function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

const JWT_PATH_PATTERN = /^\/[^*\s]*\*?$/;
const jwtPathsSchema = z
  .array(z.string().regex(JWT_PATH_PATTERN, { error: 'jwt.paths.format' }))
  .max(100, { error: 'jwt.paths.tooMany' });

/** `keepSecret`: Edit Trigger, where a blank private member means "keep the stored one" (jwk-secrets.ts). */
function jwkSchemaFor(keepSecret: boolean) {
  return z
    .looseObject({ kty: z.string({ error: 'jwt.jwks.keyType' }).min(1, { error: 'jwt.jwks.keyType' }) })
    .superRefine((jwk, ctx) => {
      if (keepSecret) return;
      for (const member of JWK_PRIVATE_MEMBERS)
        if (jwk[member] === '') ctx.addIssue({ code: 'custom', message: 'jwt.jwks.secretMissing', path: [member] });
    });
}

function jwksSchemaFor(keepSecret: boolean) {
  return z.preprocess(
    parseJsonString,
    z.object(
      {
        keys: z.array(jwkSchemaFor(keepSecret), { error: 'jwt.jwks.required' }).min(1, { error: 'jwt.jwks.required' }),
      },
      { error: 'jwt.jwks.required' },
    ),
  );
}

export const jwksSchema = jwksSchemaFor(false);

function jwtAuthConfigSchemaFor(keepSecret: boolean) {
  return z
    .object({
      jwks: jwksSchemaFor(keepSecret),
      tokenLookup: z
        .string({ error: 'jwt.tokenLookup.required' })
        .min(1, { error: 'jwt.tokenLookup.required' })
        .refine((v) => parseTokenLookup(v) !== undefined, { error: 'jwt.tokenLookup.format' }),
      claimPassBy: z
        .string()
        .refine((v) => parseClaimPassBy(v) !== undefined, { error: 'jwt.claimPassBy.format' })
        .optional(),
      whitelist: jwtPathsSchema.optional(),
      blacklist: jwtPathsSchema.optional(),
    })
    .refine((c) => !(c.whitelist?.length && c.blacklist?.length), {
      error: 'jwt.paths.exclusive',
      path: ['blacklist'],
    });
}

export const jwtAuthConfigSchema = jwtAuthConfigSchemaFor(false);

/**
 * The service decodes authConfig keys without regard to case, and real clients rely on it: the SDK's
 * example writes `JWKS`, `TokenLookup`, `ClaimPassBy`; fc3 writes `jwks`, `tokenLookup`, `claimPassBy`
 * and `whiteList`. Every spelling is read into the one we store.
 */
const JWT_KEY_SPELLINGS: Record<string, keyof JwtAuthConfig> = {
  jwks: 'jwks',
  tokenlookup: 'tokenLookup',
  claimpassby: 'claimPassBy',
  whitelist: 'whitelist',
  blacklist: 'blacklist',
};

function jwtKeysAsStored(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [JWT_KEY_SPELLINGS[key.toLowerCase()] ?? key, v]));
}

/** authConfig as the OpenAPI answers it: in the spelling of the SDK's documented example. */
export function jwtAuthConfigForApi(config: JwtAuthConfig) {
  return {
    JWKS: config.jwks,
    TokenLookup: config.tokenLookup,
    ...(config.claimPassBy !== undefined ? { ClaimPassBy: config.claimPassBy } : {}),
    ...(config.whitelist ? { Whitelist: config.whitelist } : {}),
    ...(config.blacklist ? { Blacklist: config.blacklist } : {}),
  };
}

// ---- Basic -----------------------------------------------------------------------------------

const PASSWORD_CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/**
 * `keepSecret` is for Edit Trigger: the console never receives stored passwords, so an empty
 * password there means "keep the current one" and the bff fills it in before UpdateTrigger.
 */
function basicUserSchema(keepSecret: boolean) {
  const password = z
    .string()
    .min(12, { error: 'basic.password.length' })
    .max(128, { error: 'basic.password.length' })
    .refine((p) => PASSWORD_CLASSES.every((c) => c.test(p)), { error: 'basic.password.complexity' });
  return z.object({
    username: z
      .string()
      .min(12, { error: 'basic.username.length' })
      .max(128, { error: 'basic.username.length' })
      // RFC 7617 §2: the user-id cannot contain a colon; `user:name:pass` splits at the first one, so
      // such a user could never sign in.
      .refine((name) => !name.includes(':'), { error: 'basic.username.colon' }),
    password: keepSecret ? z.union([z.literal(''), password]) : password,
    /** Edit only: the stored user this row was loaded as, whose password a blank one keeps (even renamed). */
    ...(keepSecret ? { storedUsername: z.string().max(128).optional() } : {}),
  });
}

function basicAuthConfigSchemaFor(keepSecret: boolean) {
  return z
    .object({
      users: z
        .array(basicUserSchema(keepSecret), { error: 'basic.users.required' })
        .min(1, { error: 'basic.users.required' })
        .max(20, { error: 'basic.users.tooMany' }),
    })
    .superRefine(({ users }, ctx) => {
      const names = new Set<string>();
      const passwords = new Set<string>();
      users.forEach((user, i) => {
        if (names.has(user.username))
          ctx.addIssue({ code: 'custom', message: 'basic.username.duplicate', path: ['users', i, 'username'] });
        names.add(user.username);
        if (user.password === '') return;
        if (user.password === user.username)
          ctx.addIssue({ code: 'custom', message: 'basic.password.sameAsUsername', path: ['users', i, 'password'] });
        if (passwords.has(user.password))
          ctx.addIssue({ code: 'custom', message: 'basic.password.duplicate', path: ['users', i, 'password'] });
        passwords.add(user.password);
      });
    });
}

export const basicAuthConfigSchema = basicAuthConfigSchemaFor(false);

// ---- Bearer ----------------------------------------------------------------------------------

const BEARER_TOKEN_PATTERN = /^[A-Za-z0-9+/=\-~.]{32,128}$/;

function bearerAuthConfigSchemaFor(keepSecret: boolean) {
  const token = z.string().regex(BEARER_TOKEN_PATTERN, { error: 'bearer.token.format' });
  return z
    .object({
      tokens: z
        .array(
          z.object({
            name: z
              .string()
              .min(1, { error: 'bearer.name.format' })
              .max(128, { error: 'bearer.name.format' })
              .regex(RESOURCE_NAME_PATTERN, { error: 'bearer.name.format' }),
            token: keepSecret ? z.union([z.literal(''), token]) : token,
            /** Edit only: the stored token this row was loaded as, whose secret a blank one keeps (even renamed). */
            ...(keepSecret ? { storedName: z.string().max(128).optional() } : {}),
          }),
          { error: 'bearer.tokens.required' },
        )
        .min(1, { error: 'bearer.tokens.required' })
        .max(20, { error: 'bearer.tokens.tooMany' }),
    })
    .superRefine(({ tokens }, ctx) => {
      const names = new Set<string>();
      tokens.forEach((t, i) => {
        if (names.has(t.name))
          ctx.addIssue({ code: 'custom', message: 'bearer.name.duplicate', path: ['tokens', i, 'name'] });
        names.add(t.name);
      });
    });
}

export const bearerAuthConfigSchema = bearerAuthConfigSchemaFor(false);

export function authConfigSchemasFor(keepSecret: boolean) {
  return {
    jwt: z.preprocess((v) => jwtKeysAsStored(parseJsonString(v)), jwtAuthConfigSchemaFor(keepSecret)),
    basic: z.preprocess(parseJsonString, basicAuthConfigSchemaFor(keepSecret)),
    bearer: z.preprocess(parseJsonString, bearerAuthConfigSchemaFor(keepSecret)),
  };
}

export type JwtAuthConfig = z.infer<typeof jwtAuthConfigSchema>;
export type BasicAuthConfig = z.infer<typeof basicAuthConfigSchema>;
export type BearerAuthConfig = z.infer<typeof bearerAuthConfigSchema>;
