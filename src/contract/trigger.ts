import { z } from 'zod';
import { authConfigSchemasFor, jwtAuthConfigForApi } from './auth-config';
import { corsConfigSchema } from './cors-config';
import { redactJwk, restoreJwks } from './jwk-secrets';
import { LATEST, descriptionSchema, parseJsonString, qualifierSchema, resourceNameSchema } from './names';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'] as const;
export const httpMethodSchema = z.enum(HTTP_METHODS, { error: 'methods.invalid' });
export type HttpMethod = z.infer<typeof httpMethodSchema>;

/** anonymous = No Authentication, function = Signature Authentication (the API's spelling). */
export const AUTH_TYPES = ['anonymous', 'function', 'jwt', 'basic', 'bearer'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

const methodsSchema = z
  .array(httpMethodSchema, { error: 'methods.required' })
  .min(1, { error: 'methods.required' })
  .refine((m) => new Set(m).size === m.length, { error: 'methods.duplicate' });

/** No Authentication and Signature take no authConfig; the real service sends "" for it. */
const noAuthConfig = z
  .unknown()
  .optional()
  .transform(() => undefined);

function httpTriggerConfigSchemaFor(keepSecret: boolean) {
  const auth = authConfigSchemasFor(keepSecret);
  const base = {
    methods: methodsSchema,
    disableURLInternet: z.boolean().optional(),
    corsConfig: z.preprocess(parseJsonString, corsConfigSchema.optional()),
  };
  return z.discriminatedUnion(
    'authType',
    [
      z.object({ ...base, authType: z.literal('anonymous'), authConfig: noAuthConfig }),
      z.object({ ...base, authType: z.literal('function'), authConfig: noAuthConfig }),
      z.object({ ...base, authType: z.literal('jwt'), authConfig: auth.jwt }),
      z.object({ ...base, authType: z.literal('basic'), authConfig: auth.basic }),
      z.object({ ...base, authType: z.literal('bearer'), authConfig: auth.bearer }),
    ],
    { error: 'authType.invalid' },
  );
}

/** The HTTP trigger's `triggerConfig`, as stored and as the gateway enforces it. */
export const httpTriggerConfigSchema = httpTriggerConfigSchemaFor(false);
export type HttpTriggerConfig = z.infer<typeof httpTriggerConfigSchema>;
export type HttpTriggerConfigInput = z.input<typeof httpTriggerConfigSchema>;

/** The same config where a blank Basic password or Bearer token means "keep the stored one". */
export const httpTriggerConfigEditSchema = httpTriggerConfigSchemaFor(true);
export type HttpTriggerConfigEdit = z.infer<typeof httpTriggerConfigEditSchema>;

/** The SDK's HTTPTriggerConfig: "The default value is function" when authType is left out. */
function withDefaultAuthType(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return 'authType' in value && value.authType !== undefined && value.authType !== null
    ? value
    : { ...value, authType: 'function' };
}

/** triggerConfig as the OpenAPI answers it: JWT settings in the SDK example's spelling (`JWKS`, `TokenLookup`). */
export function triggerConfigForApi(config: HttpTriggerConfig) {
  return config.authType === 'jwt' ? { ...config, authConfig: jwtAuthConfigForApi(config.authConfig) } : config;
}

/** The OpenAPI sends triggerConfig as a JSON string; the bff and the SPA use the object. */
export const triggerConfigFromApiSchema = z.preprocess(
  (value) => withDefaultAuthType(parseJsonString(value)),
  httpTriggerConfigSchema,
);

const triggerTypeSchema = z.literal('http', { error: 'triggerType.http' });

/** Create Trigger: the panel's form and the bff's POST body. */
export const triggerCreateSchema = z.object({
  triggerName: resourceNameSchema,
  triggerType: triggerTypeSchema,
  qualifier: qualifierSchema.default(LATEST),
  description: descriptionSchema.optional(),
  triggerConfig: httpTriggerConfigSchema,
});
export type TriggerCreate = z.infer<typeof triggerCreateSchema>;
export type TriggerCreateInput = z.input<typeof triggerCreateSchema>;

/** Edit Trigger: name and type are fixed; secrets left blank are kept. */
export const triggerUpdateSchema = z.object({
  qualifier: qualifierSchema.optional(),
  description: descriptionSchema.optional(),
  triggerConfig: httpTriggerConfigEditSchema,
});
export type TriggerUpdate = z.infer<typeof triggerUpdateSchema>;

export const httpTriggerUrlsSchema = z.object({ urlInternet: z.string(), urlIntranet: z.string() });

/** A trigger as the bff answers the SPA: config parsed, secrets removed (see redactTriggerConfig). */
export const triggerSchema = z.object({
  triggerId: z.string(),
  triggerName: z.string(),
  triggerType: z.string(),
  qualifier: z.string(),
  description: z.string().optional(),
  status: z.string().optional(),
  createdTime: z.string(),
  lastModifiedTime: z.string(),
  triggerConfig: httpTriggerConfigEditSchema,
  httpTrigger: httpTriggerUrlsSchema,
});
export type Trigger = z.infer<typeof triggerSchema>;

export const triggerListSchema = z.object({ triggers: z.array(triggerSchema) });

/** Passwords, tokens and JWKS private members never travel to the browser: they come back blank ("keep"). */
export function redactTriggerConfig(config: HttpTriggerConfig): HttpTriggerConfigEdit {
  switch (config.authType) {
    case 'jwt':
      return {
        ...config,
        authConfig: { ...config.authConfig, jwks: { keys: config.authConfig.jwks.keys.map(redactJwk) } },
      };
    case 'basic':
      return { ...config, authConfig: { users: config.authConfig.users.map((u) => ({ ...u, password: '' })) } };
    case 'bearer':
      return { ...config, authConfig: { tokens: config.authConfig.tokens.map((t) => ({ ...t, token: '' })) } };
    default:
      return config;
  }
}

/** Fill the secrets left blank in an edit from the stored config (by the stored row each came from, or key: see restoreJwks). */
export function restoreTriggerSecrets(
  edit: HttpTriggerConfigEdit,
  stored: HttpTriggerConfig | undefined,
): HttpTriggerConfigInput {
  if (edit.authType === 'jwt') {
    const old = stored?.authType === 'jwt' ? stored.authConfig.jwks.keys : [];
    return { ...edit, authConfig: { ...edit.authConfig, jwks: { keys: restoreJwks(edit.authConfig.jwks.keys, old) } } };
  }
  if (edit.authType === 'basic') {
    const old = stored?.authType === 'basic' ? stored.authConfig.users : [];
    // By the row the user edited, not by name: a renamed user keeps its password, a new row named
    // like a removed user does not inherit it.
    const users = edit.authConfig.users.map(({ storedUsername, ...u }) => ({
      ...u,
      password: u.password || (old.find((o) => o.username === storedUsername)?.password ?? ''),
    }));
    return { ...edit, authConfig: { users } };
  }
  if (edit.authType === 'bearer') {
    const old = stored?.authType === 'bearer' ? stored.authConfig.tokens : [];
    const tokens = edit.authConfig.tokens.map(({ storedName, ...t }) => ({
      ...t,
      token: t.token || (old.find((o) => o.name === storedName)?.token ?? ''),
    }));
    return { ...edit, authConfig: { tokens } };
  }
  return edit;
}
