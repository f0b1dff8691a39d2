import http from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { checkResponseBody } from './http-event';
import type { InvokeFailure, InvokeSuccess, ResponseHead, ResponseSink } from './types';
import type { HangUpSignal } from './hang-up';

export type ProxyOutcome = Omit<InvokeSuccess, 'logs'> | Omit<InvokeFailure, 'logs'>;

export type ProxyTarget = {
  host: string;
  port: number;
  agent: http.Agent;
  /** FC's common headers describing the function (fc-request-headers.ts), sent with every request. */
  fcHeaders?: Readonly<Record<string, string>>;
};

export type ProxyCall = {
  method: string;
  /** Path and query, as the client sent them. */
  path: string;
  headers: Record<string, string | string[]>;
  body: Buffer | Readable;
  requestId: string;
  /** FC's `x-fc-control-path` for this kind of request (fc-request-headers.ts CONTROL_PATH). */
  controlPath?: string;
  timeoutSeconds: number;
  signal?: HangUpSignal;
  /** Stream the response here; without it the response is buffered whole. */
  respondTo?: ResponseSink;
  /**
   * Buffer only this much of the response body (a hook's answer, of which only the start is used):
   * past it the outcome is settled with those bytes and the connection is closed, the rest unread.
   * Without it the body is buffered up to the payload limit.
   */
  bufferLimit?: number;
  /** What a broken connection to the function's server means (the process dying, or a bad server). */
  broken(error: Error): Promise<Omit<InvokeFailure, 'logs'>>;
};

const DROPPED_REQUEST_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'expect']);

function outgoingHeaders(call: ProxyCall, fcHeaders: ProxyTarget['fcHeaders']): Record<string, string | string[]> {
  const outgoing: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(call.headers)) {
    if (!DROPPED_REQUEST_HEADERS.has(name.toLowerCase())) outgoing[name] = value;
  }
  // As in FC, the instance learns the request id and its function from these headers (the client's x-fc-* were removed).
  if (fcHeaders) Object.assign(outgoing, fcHeaders);
  if (call.controlPath) outgoing['x-fc-control-path'] = call.controlPath;
  outgoing['x-fc-request-id'] = call.requestId;
  if (Buffer.isBuffer(call.body)) outgoing['content-length'] = String(call.body.length);
  else {
    // A streamed body keeps the client's framing: its Content-Length, or chunked. Node would not
    // chunk a GET or DELETE body by itself.
    const declared = call.headers['content-length'];
    if (typeof declared === 'string') outgoing['content-length'] = declared;
    else outgoing['transfer-encoding'] = 'chunked';
  }
  return outgoing;
}

/**
 * The status, the header lines as sent, and the declared Content-Length, read off the raw lines:
 * `response.headers` would build an object of them for each response.
 */
function readHead(response: http.IncomingMessage): ResponseHead & { declaredLength: number } {
  const headers: Array<[string, string]> = [];
  let declaredLength = 0;
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    headers.push([name, value]);
    if (name.length === CONTENT_LENGTH.length && name.toLowerCase() === CONTENT_LENGTH) {
      const declared = Number(value);
      declaredLength = Number.isFinite(declared) ? declared : 0;
    }
  }
  return { statusCode: response.statusCode ?? 502, headers, declaredLength };
}

const CONTENT_LENGTH = 'content-length';

/**
 * One request to a web function's server: the client's request passed on unchanged, its body
 * written whole or piped as it arrives; the response buffered, or piped to `respondTo` as it
 * arrives. Settles once, when the response has ended (or failed): the timeout covers the whole
 * exchange, and an abort (the client hung up) cuts the connection to the function.
 */
export function proxyRequest(target: ProxyTarget, call: ProxyCall): Promise<ProxyOutcome> {
  const { signal } = call;
  return new Promise<ProxyOutcome>((resolve) => {
    let settled = false;
    const done = (outcome: ProxyOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const brokenConnection = (error: Error) => void (settled || call.broken(error).then(done));
    const request = http.request({
      host: target.host,
      port: target.port,
      method: call.method,
      path: call.path,
      headers: outgoingHeaders(call, target.fcHeaders),
      agent: target.agent,
    });
    // Before anything can destroy it: a request destroyed with no error listener crashes the engine.
    request.on('error', brokenConnection);
    const timer = setTimeout(() => {
      request.destroy();
      done({ error: 'FunctionTimeout', message: `Function timed out after ${call.timeoutSeconds} seconds` });
    }, call.timeoutSeconds * 1000);
    const onAbort = () => {
      request.destroy();
      done({ error: 'ClientClosedRequest', message: 'The client closed the connection before the function answered' });
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    request.on('response', (response) => {
      const { declaredLength, ...head } = readHead(response);
      // What the server printed before answering is already in the pipes: let it reach the log first.
      const finish = (outcome: ProxyOutcome) => setImmediate(() => done(outcome));
      // Past the payload limit the function's connection is cut and the invocation is the error.
      const refuse = (failure: Omit<InvokeFailure, 'logs'>) => {
        done(failure);
        request.destroy();
      };
      response.on('error', brokenConnection);
      response.on(
        'close',
        () => response.complete || brokenConnection(new Error('the response ended before it was complete')),
      );
      const { bufferLimit } = call;
      const unread = call.method === 'HEAD' || bufferLimit !== undefined;
      const declared = unread ? undefined : checkResponseBody(declaredLength);
      if (declared) return refuse(declared);
      const whole = (body: Buffer) => {
        const tooLarge = checkResponseBody(body.length);
        if (tooLarge) refuse(tooLarge);
        else finish({ ...head, body });
      };
      const { respondTo } = call;
      if (bufferLimit !== undefined) {
        const enough = (body: Buffer) => setImmediate(() => (done({ ...head, body }), request.destroy()));
        return readFirst(response, bufferLimit, enough, (body) => finish({ ...head, body }));
      }
      if (!respondTo) return bufferWhole(response, whole, refuse, () => settled);
      // By the next tick the parser has pushed what came in the read that brought the head.
      process.nextTick(() => {
        if (settled) return;
        // A response already in whole (a small one comes in one read) is answered whole, as an event
        // function's is: one write with its Content-Length, not the head, each chunk and the end
        // written one by one. Only a body still to come streams.
        if (response.complete && hasBody(call.method, head.statusCode)) return whole(response.read() ?? EMPTY);
        const sink = respondTo(head);
        if (!sink) {
          // The caller answered the client itself (a response past the limits): the rest is not read.
          done({ ...head, body: EMPTY, streamed: true });
          request.destroy();
          return;
        }
        response.on('end', () => finish({ ...head, body: EMPTY, streamed: true }));
        // A chunked body that passes the limit once the status went out cannot become a 502 any more:
        // the chunk that passes it is not sent, the client's response is cut short (it sees an
        // incomplete body), and the invocation ends as BadResponse, in its log and the gateway's.
        response.pipe(bodyLimit(refuse)).pipe(sink);
      });
    });
    sendBody(request, call.body, (error) => {
      request.destroy();
      done({ error: 'ClientClosedRequest', message: `The request body could not be read: ${error.message}` });
    });
  });
}

const EMPTY = Buffer.alloc(0);

/** Whether an answer to this request with this status carries a body (and so a Content-Length) at all. */
function hasBody(method: string, statusCode: number): boolean {
  return method !== 'HEAD' && statusCode !== 204 && statusCode !== 304;
}

/** The body as it arrives, buffered; past the payload limit the rest is refused. */
function bufferWhole(
  response: http.IncomingMessage,
  whole: (body: Buffer) => void,
  refuse: (failure: Omit<InvokeFailure, 'logs'>) => void,
  settled: () => boolean,
): void {
  const chunks: Buffer[] = [];
  let received = 0;
  response.on('data', (chunk: Buffer) => {
    received += chunk.length;
    const tooLarge = checkResponseBody(received, true);
    if (tooLarge) refuse(tooLarge);
    else if (!settled()) chunks.push(chunk);
  });
  response.on('end', () => whole(Buffer.concat(chunks)));
}

/**
 * The body's first `limit` bytes (a hook's answer): past them the rest is not read, `enough` gets
 * them and the connection is closed; a shorter body ends as usual.
 */
function readFirst(
  response: http.IncomingMessage,
  limit: number,
  enough: (body: Buffer) => void,
  ended: (body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  let received = 0;
  response.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
    if (received <= limit) return;
    response.removeAllListeners('data').pause();
    enough(Buffer.concat(chunks).subarray(0, limit));
  });
  response.on('end', () => ended(Buffer.concat(chunks)));
}

/** Passes a body on while it stays within the payload limit; the chunk that passes it goes to `onOver` instead. */
function bodyLimit(onOver: (failure: Omit<InvokeFailure, 'logs'>) => void): Transform {
  let received = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      const tooLarge = checkResponseBody(received, true);
      if (tooLarge) onOver(tooLarge);
      callback(null, tooLarge ? undefined : chunk);
    },
  });
}

function sendBody(request: http.ClientRequest, body: Buffer | Readable, onBodyError: (error: Error) => void): void {
  if (Buffer.isBuffer(body)) return void request.end(body);
  body.once('error', onBodyError);
  // The function's server closed or broke the connection before taking the whole body: stop reading it.
  request.once('close', () => body.readableEnded || body.destroy());
  body.pipe(request);
}
