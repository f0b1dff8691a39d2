import type { core } from 'zod';
import { describeIssues } from '../../contract/validation-messages';
import { regionHeaders } from './region';

/**
 * A contract schema, or a loader of one: the first page parses its answers with schemas fetched
 * beside the request, so zod is not part of the console's first download.
 */
export type SchemaSource<T> = AnswerSchema<T> | (() => Promise<AnswerSchema<T>>);

/** A schema of zod's classic or functional (`zod/mini`) API: both parse with `safeParse`. */
type AnswerSchema<T> = core.$ZodType<T> & { safeParse(data: unknown): core.util.SafeParseResult<NoInfer<T>> };

const schemaOf = <T>(source: SchemaSource<T>) => (typeof source === 'function' ? source() : Promise.resolve(source));

/** What every failed `/api` call throws: the bff's `{code, message, requestId, fields}` with the status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fields: Record<string, string> | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string;
    fields?: Record<string, string>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fields = init.fields;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** No answer at all (the console's server stopped, the network dropped): the browser's own words are not shown. */
export const NETWORK_ERROR = 'NetworkError';

async function readError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = await import('../../contract/api-error').then(
    ({ apiErrorSchema }) => apiErrorSchema.safeParse(body),
    () => undefined, // the schema's chunk did not load: the status still says what happened
  );
  if (parsed?.success) return new ApiError({ status: response.status, ...parsed.data });
  return new ApiError({
    status: response.status,
    code: 'HttpError',
    message: `${response.status} ${response.statusText}`.trim(),
  });
}

async function request<T>(
  method: Method,
  path: string,
  schemaSource: SchemaSource<T> | undefined,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const loading = schemaSource && schemaOf(schemaSource);
  loading?.catch(() => undefined); // awaited below, once the answer is in; a failed request never gets there
  // Absolute so that the same code runs in the browser and under jsdom (Node's fetch has no base URL).
  const url = new URL(`/api${path}`, window.location.origin);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      // Every change is declared JSON, a DELETE too: a page on another site cannot send that without a preflight.
      headers:
        method === 'GET'
          ? { ...regionHeaders(), ...extraHeaders, accept: 'application/json' }
          : { ...regionHeaders(), ...extraHeaders, accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError({
      status: 0,
      code: NETWORK_ERROR,
      message: `The console's server could not be reached (${cause instanceof Error ? cause.message : String(cause)}).`,
    });
  }
  if (!response.ok) throw await readError(response);
  if (!loading) return undefined as T;
  const json: unknown = await response.json().catch(() => undefined);
  const schema = await loading;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'InvalidResponse',
      message: describeIssues(parsed.error.issues),
    });
  }
  return parsed.data;
}

/** The one client of the bff: every response is parsed by its contract schema. */
export const apiClient = {
  get: <T>(path: string, schema: SchemaSource<T>) => request('GET', path, schema),
  post: <T>(path: string, body: unknown, schema: SchemaSource<T>) => request('POST', path, schema, body),
  /** `headers`: e.g. `If-Match` with the version an edit was made on. */
  put: <T>(path: string, body: unknown, schema: SchemaSource<T>, headers?: Record<string, string>) =>
    request('PUT', path, schema, body, headers),
  delete: (path: string) => request<void>('DELETE', path, undefined),
};

/** Path segments come from user-chosen names; encode them once here. */
export function apiPath(...segments: string[]): string {
  return segments.map((s) => `/${encodeURIComponent(s)}`).join('');
}

/** `If-Match` naming the version an edit was made on (none: overwrite whatever is current). */
export function ifMatchHeader(version: string | undefined): Record<string, string> {
  return version === undefined ? {} : { 'if-match': `"${version}"` };
}
