import { z } from 'zod';

export const CORS_DEFAULT_MAX_AGE = 3600;
export const CORS_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', '*'] as const;

const EXACT_ORIGIN = /^https?:\/\/[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'+.^_`|~-]+$/;

/** `*`, `https://*`, `http://*`, or one exact origin; never a subdomain wildcard (seed rule). */
export function originPatternIssue(origin: string): string | undefined {
  if (origin === '*' || origin === 'https://*' || origin === 'http://*') return undefined;
  if (origin.includes('*')) return 'cors.origin.subdomainWildcard';
  return EXACT_ORIGIN.test(origin) ? undefined : 'cors.origin.format';
}

/** Does an allowOrigins entry admit the request's Origin? Exact origins compare case-insensitively. */
export function originAllowed(allowOrigins: readonly string[], origin: string): boolean {
  const lower = origin.toLowerCase();
  return allowOrigins.some((pattern) => {
    if (pattern === '*') return true;
    if (pattern === 'https://*' || pattern === 'http://*') return lower.startsWith(pattern.slice(0, -1));
    return pattern.toLowerCase() === lower;
  });
}

const headerListSchema = (tooMany: string) =>
  z
    .array(z.string().refine((h) => h === '*' || HEADER_NAME.test(h), { error: 'cors.header.format' }))
    .max(50, { error: tooMany });

export const corsConfigSchema = z
  .object({
    allowOrigins: z
      .array(
        z
          .string()
          .trim()
          .max(256, { error: 'cors.origin.tooLong' })
          .superRefine((origin, ctx) => {
            const issue = originPatternIssue(origin);
            if (issue) ctx.addIssue({ code: 'custom', message: issue });
          }),
        { error: 'cors.allowOrigins.required' },
      )
      .min(1, { error: 'cors.allowOrigins.required' })
      .max(100, { error: 'cors.allowOrigins.tooMany' }),
    allowMethods: z
      .array(
        z.string().superRefine((m, ctx) => {
          if (m.toUpperCase() === 'OPTIONS') ctx.addIssue({ code: 'custom', message: 'cors.allowMethods.options' });
          else if (!(CORS_METHODS as readonly string[]).includes(m))
            ctx.addIssue({ code: 'custom', message: 'cors.allowMethods.invalid' });
        }),
      )
      .optional(),
    allowHeaders: headerListSchema('cors.allowHeaders.tooMany').optional(),
    exposeHeaders: headerListSchema('cors.exposeHeaders.tooMany').optional(),
    allowCredentials: z.boolean().optional(),
    maxAge: z
      .number({ error: 'cors.maxAge.range' })
      .int({ error: 'cors.maxAge.range' })
      .min(0, { error: 'cors.maxAge.range' })
      .max(86400, { error: 'cors.maxAge.range' })
      .optional(),
  })
  .refine((c) => !(c.allowCredentials && c.allowOrigins.includes('*')), {
    error: 'cors.credentialsWithWildcard',
    path: ['allowOrigins'],
  });

export type CorsConfig = z.infer<typeof corsConfigSchema>;
