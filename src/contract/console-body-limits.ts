import { OPENAPI_BODY_LIMITS } from './openapi-body-limits';

/**
 * The largest body the console API reads, enforced while it is read (docs/security.md). What the bff
 * passes on must fit the engine's OpenAPI limits, so it takes the same two sizes: a function's
 * settings with a base64 code zip (100 MB and 1 MB of fields) for the routes that carry code or a
 * test body — Deploy's edited files, Test Function, saved test requests and snippets, whose body is
 * up to FC's 32 MB synchronous payload written as a JSON string (quotes and backslashes double in it;
 * a body made mostly of other control characters, six bytes each escaped, can pass the limit) — and the
 * OpenAPI's 6 MB for every other route (a trigger with its JWKS, a custom domain with its routes).
 */
export const CONSOLE_BODY_LIMITS = {
  codeOrTestBytes: OPENAPI_BODY_LIMITS.functionBytes,
  otherBytes: OPENAPI_BODY_LIMITS.otherBytes,
} as const;

// PUT /api/functions/:fn (code.zipFile) and the function's routes that carry code or a test body.
const CODE_OR_TEST_BODY = /^\/api\/functions\/[^/]+(\/(code|invocations|test-requests|snippets)(\/[^/]*)?)?\/?$/;

/** The body limit of a console API path. */
export function consoleBodyLimit(path: string): number {
  return CODE_OR_TEST_BODY.test(path) ? CONSOLE_BODY_LIMITS.codeOrTestBytes : CONSOLE_BODY_LIMITS.otherBytes;
}
