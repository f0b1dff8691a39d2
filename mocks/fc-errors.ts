import { HttpResponse, type DefaultBodyType, type HttpResponseResolver, type PathParams } from 'msw';
import type { z } from 'zod';
import { OPENAPI_ERROR_STATUS, type FcErrorBody, type OpenApiErrorCode } from '../src/contract/api-error';
import { openApiErrors } from '../src/contract/openapi-errors';
import { describeIssues } from '../src/contract/validation-messages';

/**
 * An FC OpenAPI error, thrown by the mock's rules and answered as `{Code, Message, RequestId}`.
 * Code and message come from the contract: `new MockFcError(...openApiErrors.functionNotFound(name))`.
 */
export class MockFcError extends Error {
  constructor(
    readonly code: OpenApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function requestId(): string {
  return crypto.randomUUID().toUpperCase();
}

/** The OpenAPI's error answer; `status` defaults to the code's status in the contract catalogue. */
export function fcErrorResponse(code: string, message: string, status?: number) {
  const body: FcErrorBody = { Code: code, Message: message, RequestId: requestId() };
  const known = (OPENAPI_ERROR_STATUS as Record<string, number>)[code];
  return HttpResponse.json(body, { status: status ?? known ?? 500, headers: { 'x-fc-request-id': body.RequestId! } });
}

export function fcJson(body: unknown, status = 200) {
  return HttpResponse.json(body as DefaultBodyType, { status, headers: { 'x-fc-request-id': requestId() } });
}

export function fcNoContent() {
  return new HttpResponse(null, { status: 204, headers: { 'x-fc-request-id': requestId() } });
}

/** Higher-order resolver: a MockFcError thrown by the rules becomes the OpenAPI's error answer. */
export function withFcErrors<P extends PathParams>(resolver: HttpResponseResolver<P>): HttpResponseResolver<P> {
  return async (info) => {
    try {
      return await resolver(info);
    } catch (error) {
      if (error instanceof MockFcError) return fcErrorResponse(error.code, error.message);
      throw error;
    }
  };
}

/** Parse an input with a contract schema, as the engine does: 400 InvalidArgument naming the fields. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new MockFcError('InvalidArgument', describeIssues(parsed.error.issues));
  return parsed.data;
}

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new MockFcError(...openApiErrors.invalidJson());
  }
}
