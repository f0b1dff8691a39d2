import { OPENAPI_ERROR_STATUS, type OpenApiErrorCode } from '../contract/api-error';

/** An error the OpenAPI answers as `{Code, Message, RequestId}` with the code's status. */
export class FcError extends Error {
  constructor(
    readonly code: OpenApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FcError';
  }

  get status(): number {
    return OPENAPI_ERROR_STATUS[this.code];
  }
}
