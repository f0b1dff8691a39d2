import { CODE_LIMITS } from './code-limits';
import { REQUEST_LIMITS } from './request-limits';

const MB = 1024 * 1024;

/** Room for the rest of a CreateFunction/UpdateFunction body around zipFile (environment is at most 4 KB). */
const FUNCTION_FIELDS_BYTES = 1 * MB;

/**
 * The largest body each OpenAPI operation accepts, enforced while the body is read. The largest
 * legal request is a CreateFunction/UpdateFunction carrying a base64 `zipFile`; InvokeFunction carries
 * a synchronous payload (FC: 32 MB); every other operation is small JSON.
 */
export const OPENAPI_BODY_LIMITS = {
  functionBytes: CODE_LIMITS.zipFileBase64Bytes + FUNCTION_FIELDS_BYTES,
  invokeBytes: REQUEST_LIMITS.syncBodyBytes,
  otherBytes: 6 * MB,
} as const;

/** The deepest nesting of objects and arrays an OpenAPI JSON body may have; FC's own models nest a few levels. */
export const OPENAPI_JSON_MAX_DEPTH = 64;
