import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONSOLE_REQUEST_HEADER, type RecordedRequestSummary } from '../../contract/recorded-request';
import type { Endpoint, GatewayContext, HeaderPair, TriggerTarget } from '../gateway/gateway-context';
import type { StreamedBody } from '../gateway/stream-body';
import { BoundedTee } from './bounded-tee';
import type { RedactionTrigger } from './redact';
import { clientAddressOf } from '../gateways/client-address';

/** What the gateway learns about a request as it handles it; filled in place, read when the response ends. */
export type ObservedRequest = {
  target?: { trigger: TriggerTarget; endpoint: Endpoint };
  ctx?: GatewayContext;
  streamed?: StreamedBody;
  /** Set by the recorder: how much of a body streamed to the function it keeps (0: none). */
  keepStreamed?: number;
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

/** One answered request as the recording thread unpacks it (`unpackBatch`), not yet redacted. */
export type CapturedRequest = Omit<RecordedRequestSummary, 'seq' | 'time' | 'errorCode'> & {
  startedAt: number;
  /** Where a JWT trigger reads its token (what redaction needs), not the trigger's keys, users or tokens. */
  trigger: RedactionTrigger;
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
  push(observed: Observation): void;
  bodyBytes: number;
  now(): number;
  elapsed(): number;
};

/** An error response's first bytes: enough for `{"Code":"…"` when the detail is dropped. */
export const ERROR_HEAD_BYTES = 256;

/**
 * One request as the hot path leaves it: references and numbers only. The headers are neither
 * copied nor redacted, nothing is serialized; `packObservations` packs it in the batch writer.
 */
export class Observation {
  readonly startedAt: number;
  readonly started: number;
  readonly remoteAddress: string | undefined;
  readonly body: BoundedTee;
  durationMs = 0;
  status = 0;
  /** As given to writeHead (an object, an array of pairs or a flat list), or the headers set before it. */
  responseHeaders: unknown = undefined;
  requestBody: Buffer | undefined = undefined;
  /** Read from `seen` when the response ends; `seen` is then let go (its ctx holds the whole body). */
  target: ObservedRequest['target'] = undefined;
  requestHeaders: GatewayContext['headers'] | undefined = undefined;
  rawRequestHeaders: readonly HeaderPair[] = [];
  requestBodySize = 0;
  seen: ObservedRequest | undefined;
  writeHead: ServerResponse['writeHead'];
  write: ServerResponse['write'];
  end: ServerResponse['end'];

  constructor(
    readonly req: IncomingMessage,
    res: ServerResponse,
    readonly requestId: string,
    seen: ObservedRequest,
    readonly sink: CaptureSink,
    readonly detail: boolean,
  ) {
    this.seen = seen;
    this.startedAt = sink.now();
    this.started = sink.elapsed();
    this.remoteAddress = clientAddressOf(req);
    this.body = new BoundedTee(detail ? sink.bodyBytes : ERROR_HEAD_BYTES);
    this.writeHead = res.writeHead;
    this.write = res.write;
    this.end = res.end;
  }

  get fromConsole(): boolean {
    return this.req.headers[CONSOLE_REQUEST_HEADER] !== undefined;
  }
}

const OBSERVED = Symbol('observed request');
type Watched = ServerResponse & { [OBSERVED]: Observation };

// One set of functions for every response (the request's state hangs off the response): watching a
// request allocates no closure. Fixed arities, not rest parameters: no array per call (Node's
// writeHead, write and end read a missing argument and an undefined one alike).
function teeWriteHead(this: Watched, status: number, reason?: unknown, headers?: unknown) {
  const given = typeof reason === 'string' ? headers : reason;
  // Without headers of its own (Node's implicit writeHead), the headers set earlier are the ones sent.
  this[OBSERVED].responseHeaders = given ?? this.getHeaders();
  return (this[OBSERVED].writeHead as Tee<ServerResponse>).call(this, status, reason, headers);
}

function teeWrite(this: Watched, chunk: unknown, encoding?: unknown, callback?: unknown) {
  this[OBSERVED].body.add(chunk, encoding);
  return (this[OBSERVED].write as Tee<boolean>).call(this, chunk, encoding, callback);
}

function teeEnd(this: Watched, chunk?: unknown, encoding?: unknown, callback?: unknown) {
  this[OBSERVED].body.add(chunk, encoding);
  return (this[OBSERVED].end as Tee<ServerResponse>).call(this, chunk, encoding, callback);
}

type Tee<T> = (this: ServerResponse, a: unknown, b: unknown, c: unknown) => T;

function onClose(this: Watched) {
  const observed = this[OBSERVED];
  const { seen, sink } = observed;
  observed.seen = undefined;
  if (!seen?.target) return;
  observed.target = seen.target;
  observed.requestHeaders = seen.ctx?.headers;
  observed.rawRequestHeaders = seen.ctx?.rawHeaders ?? [];
  observed.requestBodySize = seen.streamed?.received ?? seen.ctx?.bodyLength ?? 0;
  observed.durationMs = Math.max(0, sink.elapsed() - observed.started);
  observed.status = this.headersSent ? this.statusCode : 499;
  observed.responseHeaders ??= this.getHeaders();
  if (observed.detail) observed.requestBody = requestBodyOf(seen, sink.bodyBytes);
  sink.push(observed);
}

/**
 * Watches one request: the response's status, headers and first bytes are teed as they are written
 * (never more than the bound, so a streamed body is not buffered), and when the response ends, or
 * the client hangs up (499), the observation is pushed. A request that reached no function is dropped.
 */
export function observeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  seen: ObservedRequest,
  sink: CaptureSink,
): void {
  const detail = sink.wantsDetail();
  const watched = res as Watched;
  watched[OBSERVED] = new Observation(req, res, requestId, seen, sink, detail);
  if (detail) seen.keepStreamed = sink.bodyBytes;
  res.writeHead = teeWriteHead as ServerResponse['writeHead'];
  res.write = teeWrite as ServerResponse['write'];
  res.end = teeEnd as ServerResponse['end'];
  res.on('close', onClose);
}

/**
 * The request body's first bytes: a read body's (by reference when within the bound, else a copy,
 * so the whole body is not kept), or what a body streamed to the function kept as it passed.
 */
function requestBodyOf(seen: ObservedRequest, bound: number): Buffer {
  if (seen.streamed) return seen.streamed.head();
  const body = seen.ctx?.body;
  if (!body) return Buffer.alloc(0);
  return body.length <= bound && body.buffer.byteLength <= bound * 2 ? body : Buffer.from(body.subarray(0, bound));
}
