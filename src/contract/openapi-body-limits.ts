import { REQUEST_LIMITS } from './request-limits';

const MB = 1024 * 1024;

/**
 * FC's limit on a code package uploaded through the SDK/OpenAPI ("compressed as ZIP and Base64
 * encoded": 100 MB, FC 3.0 usage limits). Derived from the zipFile limit of `code-limits.ts`: the
 * two must stay equal.
 */
const ZIP_FILE_BASE64_BYTES = 100 * MB;

/** Room for the rest of a CreateFunction/UpdateFunction body around zipFile (environment is at most 4 KB). */
const FUNCTION_FIELDS_BYTES = 1 * MB;

/**
 * The largest body each OpenAPI operation accepts, enforced while the body is read. The largest
 * legal request is a CreateFunction/UpdateFunction carrying a base64 `zipFile`; InvokeFunction carries
 * a synchronous payload (FC: 32 MB); every other operation is small JSON.
 */
export const OPENAPI_BODY_LIMITS = {
  functionBytes: ZIP_FILE_BASE64_BYTES + FUNCTION_FIELDS_BYTES,
  invokeBytes: REQUEST_LIMITS.syncBodyBytes,
  otherBytes: 6 * MB,
} as const;
