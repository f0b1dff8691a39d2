/** The whole HTTP request of an async trigger invocation, kept until the function runs it. */
export type AsyncHttpRequest = {
  method: string;
  rawPath: string;
  /** The raw query string, without `?`. */
  query: string;
  headers: Record<string, string | string[]>;
  body: Buffer;
};

/** What an async invocation carries: a trigger's HTTP request, or InvokeFunction's event. */
export type AsyncPayload = { kind: 'http'; request: AsyncHttpRequest } | { kind: 'event'; event: Buffer };

const SEPARATOR = 0x0a;

/**
 * One blob per task: the request line and headers as JSON, a newline, then the body's bytes
 * untouched (JSON.stringify never writes a raw newline, so the first one ends the head).
 */
export function encodePayload(payload: AsyncPayload): Buffer {
  if (payload.kind === 'event') return payload.event;
  const { body, ...head } = payload.request;
  return Buffer.concat([Buffer.from(JSON.stringify(head)), Buffer.from([SEPARATOR]), body]);
}

export function decodePayload(kind: 'http' | 'event', blob: Buffer): AsyncPayload {
  if (kind === 'event') return { kind, event: blob };
  const end = blob.indexOf(SEPARATOR);
  const head = JSON.parse(blob.subarray(0, end).toString('utf8')) as Omit<AsyncHttpRequest, 'body'>;
  return { kind, request: { ...head, body: blob.subarray(end + 1) } };
}

/** The SDK's `taskPayload` is a string: the event, or the request's body, as text. */
export function payloadText(kind: 'http' | 'event', blob: Buffer): string {
  const payload = decodePayload(kind, blob);
  return (payload.kind === 'event' ? payload.event : payload.request.body).toString('utf8');
}
