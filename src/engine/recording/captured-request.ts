import type { OutgoingHttpHeaders } from 'node:http';
import type { RecordedRequestSummary } from '../../contract/recorded-request';
import { hostnameOf } from '../../contract/trigger-url';
import { isAsyncInvocation, type Endpoint, type HeaderPair } from '../gateway/gateway-context';
import { ERROR_HEAD_BYTES, type CapturedRequest, type Observation } from './capture';
import { redactionTriggerOf } from './redact';
import { bodyBuffer, type PostedBatch } from './recording-message';

const VIA: Record<Endpoint, RecordedRequestSummary['via']> = {
  internet: 'internet',
  intranet: 'intranet',
  customDomain: 'custom-domain',
};

/**
 * An observation as named fields: the readable statement of what a recorded request carries. The
 * batch writer packs observations with `packObservations` instead (no object per request); its test
 * holds the two equal, and the recording thread's `unpackBatch` gives this shape back.
 */
export function capturedRequest(observed: Observation): CapturedRequest {
  const { trigger, endpoint } = observed.target!;
  const headers = headerPairsOf(observed.responseHeaders);
  const errorType = headers.find(([name]) => name.toLowerCase() === 'x-fc-error-type')?.[1];
  const triggerName =
    'triggerName' in trigger && typeof trigger.triggerName === 'string' ? trigger.triggerName : undefined;
  const { req, status } = observed;
  const bodyHead = status >= 400 || observed.detail ? observed.body.data() : undefined;
  return {
    startedAt: observed.startedAt,
    durationMs: observed.durationMs,
    requestId: observed.requestId,
    functionName: trigger.functionName,
    qualifier: trigger.qualifier,
    ...(endpoint === 'customDomain' ? { domainName: hostnameOf(req.headers.host) } : { triggerName }),
    via: VIA[endpoint],
    method: (req.method ?? 'GET').toUpperCase(),
    path: req.url ?? '/',
    sourceIp: (observed.remoteAddress ?? '').replace(/^::ffff:/, ''),
    status,
    invocationType:
      observed.requestHeaders && isAsyncInvocation({ headers: observed.requestHeaders }) ? 'async' : 'sync',
    fromConsole: observed.fromConsole,
    trigger: redactionTriggerOf(trigger.triggerConfig),
    requestHeaders: observed.rawRequestHeaders,
    requestBodySize: observed.requestBodySize,
    ...(errorType ? { errorType } : {}),
    ...(status >= 400 && bodyHead ? { errorHead: bodyHead.subarray(0, ERROR_HEAD_BYTES) } : {}),
    ...(observed.detail
      ? {
          detail: {
            requestBody: observed.requestBody ?? Buffer.alloc(0),
            responseHeaders: headers,
            responseBody: bodyHead!,
            responseBodySize: observed.body.size,
          },
        }
      : {}),
  };
}

function headerPairsOf(headers: unknown): HeaderPair[] {
  if (!headers) return [];
  if (Array.isArray(headers)) {
    if (headers.every((h) => Array.isArray(h))) return headers.map((h: unknown[]) => [String(h[0]), String(h[1])]);
    const pairs: HeaderPair[] = [];
    for (let i = 0; i + 1 < headers.length; i += 2) pairs.push([String(headers[i]), String(headers[i + 1])]);
    return pairs;
  }
  return Object.entries(headers as OutgoingHttpHeaders).flatMap(([name, value]): HeaderPair[] => {
    if (value === undefined) return [];
    return Array.isArray(value) ? value.map((v) => [name, String(v)]) : [[name, String(value)]];
  });
}

/**
 * The batch as `packBatch([...].map(capturedRequest))` gives it, the fields pushed straight from the
 * observations: the batch writer runs on the event loop, and shaping each request as an object (its
 * header lines as pairs, its detail) only to flatten it again cost more than the packing itself.
 * A test holds the two equal.
 */
export function packObservations(batch: readonly Observation[], now: number): PostedBatch {
  const heads: Array<Buffer | undefined> = [];
  let total = 0;
  for (const observed of batch) {
    const head = observed.status >= 400 || observed.detail ? observed.body.data() : undefined;
    heads.push(head);
    if (observed.status >= 400) total += Math.min(head!.length, ERROR_HEAD_BYTES);
    if (observed.detail) total += (observed.requestBody?.length ?? 0) + head!.length;
  }
  const { bodies, put } = bodyBuffer(total);
  const values: unknown[] = [];
  batch.forEach((observed, i) => {
    const { trigger, endpoint } = observed.target!;
    const { req, status, detail } = observed;
    const head = heads[i];
    const triggerName =
      'triggerName' in trigger && typeof trigger.triggerName === 'string' ? trigger.triggerName : undefined;
    const sourceIp = observed.remoteAddress ?? '';
    values.push(observed.startedAt, observed.durationMs, observed.requestId, trigger.functionName, trigger.qualifier);
    if (endpoint === 'customDomain') values.push(undefined, hostnameOf(req.headers.host));
    else values.push(triggerName, undefined);
    values.push(VIA[endpoint], (req.method ?? 'GET').toUpperCase(), req.url ?? '/');
    values.push(sourceIp.startsWith('::ffff:') ? sourceIp.slice(7) : sourceIp, status);
    const async = observed.requestHeaders && isAsyncInvocation({ headers: observed.requestHeaders });
    values.push(async ? 'async' : 'sync', observed.fromConsole);
    values.push(redactionTriggerOf(trigger.triggerConfig).tokenLookup);
    const errorTypeAt = values.length;
    values.push(undefined, observed.requestBodySize, status >= 400 ? put(head!.subarray(0, ERROR_HEAD_BYTES)) : -1);
    values.push(observed.rawRequestHeaders.length);
    for (const [name, value] of observed.rawRequestHeaders) values.push(name, value);
    if (detail) values.push(1, observed.body.size, put(observed.requestBody ?? EMPTY), put(head!));
    else values.push(0);
    values[errorTypeAt] = packResponseHeaders(values, observed.responseHeaders, detail) || undefined;
  });
  return { count: batch.length, values, bodies: bodies.buffer, now };
}

const EMPTY = Buffer.alloc(0);

/**
 * Pushes the header lines as `headerPairsOf` reads them (their count first; none when not `push`) and
 * answers x-fc-error-type's. No closure: under tsx each one made costs a call (esbuild's keepNames).
 */
function packResponseHeaders(values: unknown[], headers: unknown, push: boolean): string | undefined {
  const start = values.length;
  values.push(0);
  if (Array.isArray(headers)) {
    if (headers.every((h) => Array.isArray(h)))
      for (const h of headers as unknown[][]) values.push(String(h[0]), String(h[1]));
    else for (let i = 0; i + 1 < headers.length; i += 2) values.push(String(headers[i]), String(headers[i + 1]));
  } else if (headers)
    for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
      if (Array.isArray(value)) for (const v of value) values.push(name, String(v));
      else if (value !== undefined) values.push(name, String(value));
    }
  let errorType: string | undefined;
  for (let i = start + 1; i < values.length && errorType === undefined; i += 2)
    if ((values[i] as string).toLowerCase() === 'x-fc-error-type') errorType = values[i + 1] as string;
  if (push) values[start] = (values.length - start - 1) / 2;
  else values.length = start;
  return errorType;
}
