import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { CONSOLE_REQUEST_HEADER, type RecordedRequestSummary } from '../../contract/recorded-request';
import type { HttpTriggerConfig } from '../../contract/trigger';
import { hostnameOf } from '../../contract/trigger-url';
import {
  isAsyncInvocation,
  type Endpoint,
  type GatewayContext,
  type HeaderPair,
  type TriggerTarget,
} from '../gateway/gateway-context';
import type { StreamedBody } from '../gateway/stream-body';
import { BoundedTee } from './bounded-tee';

/** What the gateway learns about a request as it handles it; filled in place, read when the response ends. */
export type ObservedRequest = {
  target?: { trigger: TriggerTarget; endpoint: Endpoint };
  ctx?: GatewayContext;
  streamed?: StreamedBody;
};

/** The gateway's one hook: called when a trigger request comes in, before anything is answered. */
export type GatewayRecorder = {
  observe(req: IncomingMessage, res: ServerResponse, requestId: string, seen: ObservedRequest): void;
};

/** The bodies and the response headers: what back-pressure drops. */
export type CapturedDetail = {
  requestBody: Buffer;
  responseHeaders: HeaderPair[];
  responseBody: Buffer;
  responseBodySize: number;
};

/** One answered request as captured on the hot path: raw, not yet redacted (redaction runs in the batch writer). */
export type CapturedRequest = Omit<RecordedRequestSummary, 'seq' | 'time' | 'errorCode'> & {
  startedAt: number;
  trigger: HttpTriggerConfig;
  /** x-fc-error-type of the response, or the head of an error response's body (the gateway's `Code`). */
  errorType?: string;
  errorHead?: Buffer;
  /** The header lines as sent (the gateway's own array, not copied). */
  requestHeaders: readonly HeaderPair[];
  requestBodySize: number;
  detail?: CapturedDetail;
};

export type CaptureSink = {
  /** False when the writer is behind: the request is then recorded without its detail. */
  wantsDetail(): boolean;
  push(captured: CapturedRequest): void;
  bodyBytes: number;
  now(): number;
  elapsed(): number;
};

/** An error response's first bytes: enough for `{"Code":"…"` when the detail is dropped. */
const ERROR_HEAD_BYTES = 256;
const VIA: Record<Endpoint, RecordedRequestSummary['via']> = {
  internet: 'internet',
  intranet: 'intranet',
  customDomain: 'custom-domain',
};

/**
 * Watches one request: the response's status, headers and first bytes are teed as they are written
 * (never more than the bound, so a streamed body is not buffered), and when the response ends, or
 * the client hangs up (499), the capture is pushed. A request that reached no function is dropped.
 */
export function observeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  seen: ObservedRequest,
  sink: CaptureSink,
): void {
  const startedAt = sink.now();
  const started = sink.elapsed();
  const sourceIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const detail = sink.wantsDetail();
  const body = new BoundedTee(detail ? sink.bodyBytes : ERROR_HEAD_BYTES);
  let responseHeaders: HeaderPair[] | undefined;
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const given = typeof args[1] === 'string' ? args[2] : args[1];
    // Without headers of its own (Node's implicit writeHead), the headers set earlier are the ones sent.
    responseHeaders = headerPairsOf(given ?? this.getHeaders());
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    body.add(args[0], args[1]);
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    body.add(args[0], args[1]);
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['end'];

  res.once('close', () => {
    const { target, ctx } = seen;
    if (!target) return;
    const durationMs = sink.elapsed() - started;
    const headers = responseHeaders ?? headerPairsOf(res.getHeaders());
    const status = res.headersSent ? res.statusCode : 499;
    const { trigger, endpoint } = target;
    const requestHeaders = ctx?.rawHeaders ?? [];
    const errorType = headers.find(([name]) => name.toLowerCase() === 'x-fc-error-type')?.[1];
    const triggerName =
      'triggerName' in trigger && typeof trigger.triggerName === 'string' ? trigger.triggerName : undefined;
    sink.push({
      startedAt,
      durationMs: Math.max(0, durationMs),
      requestId,
      functionName: trigger.functionName,
      qualifier: trigger.qualifier,
      ...(endpoint === 'customDomain' ? { domainName: hostnameOf(req.headers.host) } : { triggerName }),
      via: VIA[endpoint],
      method: (req.method ?? 'GET').toUpperCase(),
      path: req.url ?? '/',
      sourceIp,
      status,
      invocationType: ctx && isAsyncInvocation(ctx) ? 'async' : 'sync',
      fromConsole: req.headers[CONSOLE_REQUEST_HEADER] !== undefined,
      trigger: trigger.triggerConfig,
      requestHeaders,
      requestBodySize: seen.streamed?.received ?? ctx?.bodyLength ?? 0,
      ...(errorType ? { errorType } : {}),
      ...(status >= 400 ? { errorHead: body.data().subarray(0, ERROR_HEAD_BYTES) } : {}),
      ...(detail
        ? {
            detail: {
              requestBody: requestBodyOf(seen, sink.bodyBytes),
              responseHeaders: headers,
              responseBody: body.data(),
              responseBodySize: body.size,
            },
          }
        : {}),
    });
  });
}

/** A read body cut to the bound (copied, so the whole body is not kept); a body streamed to the function is not kept. */
function requestBodyOf(seen: ObservedRequest, bound: number): Buffer {
  const body = seen.streamed ? undefined : seen.ctx?.body;
  return body ? Buffer.from(body.subarray(0, bound)) : Buffer.alloc(0);
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
