import { z } from 'zod';
import { customDomainSchema } from './custom-domain';
import { responseBodySchema } from './invocation';
import { wellFormedTextSchema } from './names';
import { httpMethodSchema } from './trigger';

/** The longest path (query included) and body the console's Test Through the Domain sends. */
export const DOMAIN_TEST_PATH_MAX = 2048;
export const DOMAIN_TEST_BODY_MAX = 64 * 1024;

/**
 * A path as a request line carries it: starts with one `/` (never `//host`, which would name another
 * host), printable ASCII without spaces; a query may follow.
 */
export const DOMAIN_TEST_PATH_PATTERN = /^\/(?!\/)[\x21-\x7e]*$/;

/** POST /api/custom-domains/:domainName/requests: one request sent through the domain. */
export const domainTestRequestSchema = z.object({
  method: httpMethodSchema,
  path: z
    .string()
    .max(DOMAIN_TEST_PATH_MAX, { error: 'testRequest.path.format' })
    .regex(DOMAIN_TEST_PATH_PATTERN, { error: 'testRequest.path.format' }),
  body: wellFormedTextSchema.max(DOMAIN_TEST_BODY_MAX, { error: 'domainTest.body.tooLong' }).optional(),
});
export type DomainTestRequest = z.infer<typeof domainTestRequestSchema>;

/** The route of the domain the request matched, as the gateway chooses it (contract/custom-domain-routes.ts). */
export const matchedRouteSchema = z.object({
  /** Position in the domain's routes table, from 0. */
  index: z.number().int().min(0),
  path: z.string(),
  functionName: z.string(),
  qualifier: z.string(),
  /**
   * The path the function receives, after the route's rewrite rules; left out when they cost too much
   * for this path to run on the bff's event loop (`rewriteIfCheap`), which the embedded engine shares.
   */
  rewrittenPath: z.string().optional(),
});
export type MatchedRoute = z.infer<typeof matchedRouteSchema>;

/** What came back through the domain, and which route the console expects served it. */
export const domainTestResultSchema = z.object({
  /** Method and URL as sent. */
  target: z.string(),
  status: z.number(),
  durationMs: z.number(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  body: responseBodySchema,
  matchedRoute: matchedRouteSchema.optional(),
});
export type DomainTestResult = z.infer<typeof domainTestResultSchema>;

/** A custom domain as the bff answers it: FC's fields, and the URL it answers at (http://<domain>:<port> locally). */
export const customDomainViewSchema = customDomainSchema.extend({ url: z.string() });
export type CustomDomainView = z.infer<typeof customDomainViewSchema>;

/** GET /api/custom-domains: one page of domains. */
export const customDomainListViewSchema = z.object({
  customDomains: z.array(customDomainViewSchema),
  nextToken: z.string().optional(),
});
