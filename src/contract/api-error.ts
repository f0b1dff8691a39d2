import { z } from 'zod';

/** The FC OpenAPI's error codes and the status each is answered with. */
export const OPENAPI_ERROR_STATUS = {
  InvalidArgument: 400,
  MissingRequiredHeader: 400,
  EntityTooLarge: 400,
  SignatureNonceUsed: 400,
  AccessDenied: 403,
  SignatureNotMatch: 403,
  RequestTimeTooSkewed: 403,
  FunctionNotFound: 404,
  TriggerNotFound: 404,
  AliasNotFound: 404,
  VersionNotFound: 404,
  AsyncConfigNotExists: 404,
  AsyncTaskNotExist: 404,
  /** GetConcurrencyConfig of a function without one (the code Terraform's alicloud_fcv3_concurrency_config expects). */
  OnDemandConfigNotFound: 404,
  VpcBindingNotFound: 404,
  LayerNotFound: 404,
  LayerVersionNotFound: 404,
  RouteNotFound: 404,
  DomainNameNotFound: 404,
  /** Ours: GetInvocationLogs (an engine-only operation) of a request whose logs are no longer kept. */
  InvocationLogNotFound: 404,
  /** Ours: GetRecordedRequest (an engine-only operation) of a request the engine did not record or no longer keeps. */
  RecordedRequestNotFound: 404,
  FunctionAlreadyExists: 409,
  TriggerAlreadyExists: 409,
  AliasAlreadyExists: 409,
  DomainNameAlreadyExists: 409,
  ResourceInUse: 409,
  AsyncTaskAlreadyExists: 409,
  PreconditionFailed: 412,
  TooManyRequestsThrottling: 429,
  InternalError: 500,
  /** Ours: the engine stores a function of any FC runtime but runs Node.js and custom runtimes only. */
  RuntimeNotSupportedLocally: 501,
  ServiceUnavailable: 503,
} as const;
export type OpenApiErrorCode = keyof typeof OPENAPI_ERROR_STATUS;

/** The OpenAPI's error body: `{Code, Message, RequestId}` (the SDK reads these names). */
export const fcErrorBodySchema = z.object({ Code: z.string(), Message: z.string(), RequestId: z.string().optional() });
export type FcErrorBody = z.infer<typeof fcErrorBodySchema>;

/** What the bff answers the SPA on any failure, with the FC status (or 400/500 of its own). */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  /** Field errors from a schema, path joined with dots → message key or text. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
