import { z } from 'zod';
import { authConfigSchemasFor } from './auth-config';
import { corsConfigSchema } from './cors-config';
import { redactJwk, restoreJwks } from './jwk-secrets';
import { listLimitSchema, nextTokenSchema } from './list-query';
import { parseJsonString, qualifierSchema, resourceNameSchema } from './names';
import { httpMethodSchema } from './trigger';
import { isLinearRegExpSource } from './linear-regexp';
import { REGEX_ROUTE_COST_MAX, REGEX_RULE_COST_MAX, regExpCost } from './regexp-cost';

// FC's custom domain limits ("Bind a custom domain name", FC 3.0 user guide): a name of up to 256
// characters; each label 1–63 letters, digits and hyphens, not starting with a hyphen; the last label
// alphabetic and at least 2 long; wildcard names (`*.example.com`) allowed. ROS's FC3::CustomDomain:
// at most 100 routes.
export const DOMAIN_NAME_MAX_LENGTH = 256;
export const CUSTOM_DOMAIN_MAX_ROUTES = 100;
/** Ours: FC documents no bound for a route path or a rewrite rule; the gateway's path limit is 4 KB. */
export const ROUTE_PATH_MAX_LENGTH = 1024;
export const REWRITE_RULES_MAX = 100;

const DOMAIN_LABEL = '[A-Za-z0-9][A-Za-z0-9-]{0,62}';
export const DOMAIN_NAME_PATTERN = new RegExp(`^(\\*\\.)?(${DOMAIN_LABEL}\\.)+[A-Za-z]{2,63}$`);

export const domainNameSchema = z
  .string({ error: 'domain.name.required' })
  .trim()
  .min(1, { error: 'domain.name.required' })
  .max(DOMAIN_NAME_MAX_LENGTH, { error: 'domain.name.tooLong' })
  .regex(DOMAIN_NAME_PATTERN, { error: 'domain.name.format' });

export const DOMAIN_PROTOCOLS = ['HTTP', 'HTTPS', 'HTTP,HTTPS'] as const;
export const domainProtocolSchema = z.enum(DOMAIN_PROTOCOLS, { error: 'domain.protocol.invalid' });

/**
 * A route path: `/exact`, or a prefix ending with `*` (`/api/*`, `/*`). FC allows the wildcard only
 * as the last character ("append an asterisk to a path").
 */
export const ROUTE_PATH_PATTERN = /^\/[^*\s?#]*\*?$/;
export const routePathSchema = z
  .string({ error: 'domain.route.path.format' })
  .max(ROUTE_PATH_MAX_LENGTH, { error: 'domain.route.path.format' })
  .regex(ROUTE_PATH_PATTERN, { error: 'domain.route.path.format' });

const ruleText = z.string({ error: 'domain.rewrite.rule' }).min(1, { error: 'domain.rewrite.rule' }).max(1024);

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

const rewriteRuleSchema = z.object({ match: ruleText, replacement: ruleText });
const regexRuleSchema = z.object({
  match: ruleText
    .refine(compiles, { error: 'domain.rewrite.regex' })
    .refine(isLinearRegExpSource, { error: 'domain.rewrite.regexLinear' })
    .refine((source) => regExpCost(source) <= REGEX_RULE_COST_MAX, { error: 'domain.rewrite.regexCost' }),
  replacement: ruleText,
});
const rulesOf = <T extends z.ZodType>(rule: T) =>
  z.array(rule).max(REWRITE_RULES_MAX, { error: 'domain.rewrite.tooMany' }).optional();

export const rewriteConfigSchema = z.object({
  equalRules: rulesOf(rewriteRuleSchema),
  wildcardRules: rulesOf(rewriteRuleSchema),
  regexRules: rulesOf(regexRuleSchema).refine(
    (rules) => (rules ?? []).reduce((sum, rule) => sum + regExpCost(rule.match), 0) <= REGEX_ROUTE_COST_MAX,
    { error: 'domain.rewrite.regexCost' },
  ),
});
export type RewriteConfig = z.infer<typeof rewriteConfigSchema>;

/** No methods (or an empty list) admits every method, as a route without `methods` does in FC. */
export const pathConfigSchema = z.object({
  path: routePathSchema,
  functionName: resourceNameSchema,
  qualifier: qualifierSchema.optional(),
  methods: z
    .array(httpMethodSchema)
    .refine((m) => new Set(m).size === m.length, { error: 'methods.duplicate' })
    .optional(),
  rewriteConfig: rewriteConfigSchema.optional(),
});
export type PathConfig = z.infer<typeof pathConfigSchema>;
export type PathConfigInput = z.input<typeof pathConfigSchema>;

export const routeConfigSchema = z.object({
  routes: z.array(pathConfigSchema).max(CUSTOM_DOMAIN_MAX_ROUTES, { error: 'domain.routes.tooMany' }).default([]),
});
export type RouteConfig = z.infer<typeof routeConfigSchema>;

/** The SDK's AuthConfig: "Valid values: anonymous, function, and jwt". */
export const CUSTOM_DOMAIN_AUTH_TYPES = ['anonymous', 'function', 'jwt'] as const;
export type CustomDomainAuthType = (typeof CUSTOM_DOMAIN_AUTH_TYPES)[number];

/** authInfo is a string holding JSON (the SDK's type); an object is accepted and stored as its JSON text. */
const authInfoSchema = z.preprocess(
  (v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : v),
  z
    .string()
    .max(64 * 1024, { error: 'domain.auth.info' })
    .optional(),
);

/** `keepSecret`: the console's view and edit, where a blank JWKS private member means "keep the stored one". */
function domainAuthConfigSchemaFor(keepSecret: boolean) {
  const jwt = authConfigSchemasFor(keepSecret).jwt;
  return z
    .object({
      authType: z.enum(CUSTOM_DOMAIN_AUTH_TYPES, { error: 'domain.auth.type' }),
      authInfo: authInfoSchema,
    })
    .superRefine((auth, ctx) => {
      if (auth.authType !== 'jwt') return;
      const parsed = jwt.safeParse(auth.authInfo ?? '');
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: 'custom', message: issue.message, path: ['authInfo', ...issue.path.map(String)] });
    });
}

export const domainAuthConfigSchema = domainAuthConfigSchemaFor(false);
export const domainAuthConfigEditSchema = domainAuthConfigSchemaFor(true);
export type DomainAuthConfig = z.infer<typeof domainAuthConfigSchema>;

/** A jwt domain's authInfo read as the trigger's JWT settings (same keys, same spellings). */
export function domainJwtConfig(authInfo: string | undefined) {
  return authConfigSchemasFor(false).jwt.safeParse(authInfo ?? '');
}

/** A jwt domain's JWKS private members blanked, as a trigger's are before they reach the browser. */
export function redactDomainAuthConfig(auth: DomainAuthConfig): DomainAuthConfig {
  if (auth.authType !== 'jwt') return auth;
  const parsed = domainJwtConfig(auth.authInfo);
  if (!parsed.success) return { authType: auth.authType };
  const jwt = parsed.data;
  return { ...auth, authInfo: JSON.stringify({ ...jwt, jwks: { keys: jwt.jwks.keys.map(redactJwk) } }) };
}

/** An edited jwt domain's blank JWKS private members filled from the stored domain (see restoreJwks). */
export function restoreDomainAuthSecrets(
  edit: DomainAuthConfig,
  stored: DomainAuthConfig | undefined,
): DomainAuthConfig {
  if (edit.authType !== 'jwt' || stored?.authType !== 'jwt') return edit;
  // The edit may hold blank private members ("keep"), which only the keep-secret schema admits.
  const next = authConfigSchemasFor(true).jwt.safeParse(edit.authInfo ?? '');
  const old = domainJwtConfig(stored.authInfo);
  if (!next.success || !old.success) return edit;
  const keys = restoreJwks(next.data.jwks.keys, old.data.jwks.keys);
  return { ...edit, authInfo: JSON.stringify({ ...next.data, jwks: { keys } }) };
}

export const certConfigSchema = z.object({
  certName: z.string().min(1, { error: 'domain.cert.required' }).max(128),
  certificate: z
    .string()
    .min(1, { error: 'domain.cert.required' })
    .max(64 * 1024),
  privateKey: z
    .string()
    .min(1, { error: 'domain.cert.required' })
    .max(64 * 1024),
});

export const tlsConfigSchema = z.object({
  minVersion: z.enum(['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1.0']).optional(),
  maxVersion: z.enum(['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1.0']).optional(),
  cipherSuites: z.array(z.string().max(128)).max(100).optional(),
});

export const wafConfigSchema = z.object({ enableWAF: z.boolean().optional() });

const domainFields = {
  protocol: domainProtocolSchema,
  routeConfig: routeConfigSchema.optional(),
  authConfig: domainAuthConfigSchema.optional(),
  certConfig: certConfigSchema.optional(),
  tlsConfig: tlsConfigSchema.optional(),
  wafConfig: wafConfigSchema.optional(),
  corsConfig: z.preprocess(parseJsonString, corsConfigSchema.optional()),
};

/** HTTPS needs a certificate, as in FC's Add Custom Domain panel. */
const httpsNeedsCert = (d: { protocol?: string; certConfig?: unknown }) =>
  !(d.protocol?.includes('HTTPS') && d.certConfig === undefined);

/** CreateCustomDomain's body. The protocol defaults to HTTP, as the SDK's example sends it. */
export const customDomainInputSchema = z
  .object({ domainName: domainNameSchema, ...domainFields, protocol: domainProtocolSchema.default('HTTP') })
  .refine(httpsNeedsCert, { error: 'domain.cert.https', path: ['certConfig'] });
export type CustomDomainInput = z.infer<typeof customDomainInputSchema>;
export type CustomDomainInputRaw = z.input<typeof customDomainInputSchema>;

/** UpdateCustomDomain's body: every field optional; a field sent replaces the stored one. */
export const customDomainUpdateSchema = z
  .object({ ...domainFields, protocol: domainProtocolSchema.optional() })
  .refine(httpsNeedsCert, { error: 'domain.cert.https', path: ['certConfig'] });
export type CustomDomainUpdate = z.infer<typeof customDomainUpdateSchema>;

/** The console's Edit: as UpdateCustomDomain, but blank JWKS private members mean "keep" (restoreDomainAuthSecrets). */
export const customDomainEditSchema = z
  .object({
    ...domainFields,
    protocol: domainProtocolSchema.optional(),
    authConfig: domainAuthConfigEditSchema.optional(),
  })
  .refine(httpsNeedsCert, { error: 'domain.cert.https', path: ['certConfig'] });
export type CustomDomainEdit = z.infer<typeof customDomainEditSchema>;

/** A custom domain as GetCustomDomain answers it. The certificate's private key is never returned. */
export const customDomainSchema = z.object({
  domainName: z.string(),
  protocol: domainProtocolSchema,
  accountId: z.string().optional(),
  apiVersion: z.string().optional(),
  createdTime: z.string(),
  lastModifiedTime: z.string(),
  subdomainCount: z.string().optional(),
  routeConfig: routeConfigSchema,
  // The view the console gets is redacted (redactDomainAuthConfig): blank private members parse.
  authConfig: domainAuthConfigEditSchema.optional(),
  certConfig: certConfigSchema.omit({ privateKey: true }).optional(),
  tlsConfig: tlsConfigSchema.optional(),
  wafConfig: wafConfigSchema.optional(),
  corsConfig: corsConfigSchema.optional(),
});
export type CustomDomain = z.infer<typeof customDomainSchema>;

export const listCustomDomainsQuerySchema = z.object({
  limit: listLimitSchema.optional(),
  nextToken: nextTokenSchema.optional(),
  prefix: z.string().max(DOMAIN_NAME_MAX_LENGTH, { error: 'domain.name.tooLong' }).optional(),
});
export type ListCustomDomainsQuery = z.infer<typeof listCustomDomainsQuerySchema>;

export const listCustomDomainsOutputSchema = z.object({
  customDomains: z.array(customDomainSchema),
  nextToken: z.string().optional(),
});
export type ListCustomDomainsOutput = z.infer<typeof listCustomDomainsOutputSchema>;

/**
 * Does a domain name serve a request's host? Exact names first (DNS names compare without case);
 * `*.example.com` serves any name with one or more labels before `.example.com`.
 */
export function domainServesHost(domainName: string, host: string): boolean {
  const name = domainName.toLowerCase();
  const lower = host.toLowerCase();
  if (!name.startsWith('*.')) return name === lower;
  return lower.endsWith(name.slice(1)) && lower.length > name.length - 1;
}
