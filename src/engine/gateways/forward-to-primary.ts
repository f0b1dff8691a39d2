import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { GATEWAY_ERRORS } from '../../contract/status-catalogue';
import { lingerAfterEarlyAnswer } from '../../early-answer';
import type { ForwardTarget } from '../server';
import { FORWARDED_HEADER, forwardedValue } from './forwarded-listener';

export type Forward = (req: IncomingMessage, res: ServerResponse) => void;

function failed(res: ServerResponse): void {
  // Answered already (an early answer, lingering while the client stops sending): nothing to undo.
  if (res.writableEnded) return;
  if (res.headersSent) return void res.destroy();
  const requestId = randomUUID();
  res.writeHead(GATEWAY_ERRORS.InternalError.status, {
    'content-type': 'application/json',
    'x-fc-request-id': requestId,
    connection: 'close',
  });
  res.end(JSON.stringify({ Code: 'InternalError', Message: GATEWAY_ERRORS.InternalError.cause, RequestId: requestId }));
}

/**
 * Headers about one connection (RFC 9110 §7.6.1), never carried to the next. The names a client lists
 * in its own Connection header are not honoured: the hop to the primary is the engine's own, and a
 * client naming Content-Length or Host there would change how the primary frames what follows.
 */
const REQUEST_HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
  FORWARDED_HEADER,
]);
const RESPONSE_HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'trailer',
  'upgrade',
  'transfer-encoding',
]);

function without(raw: string[], names: ReadonlySet<string>): string[] {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!names.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  return kept;
}

/**
 * A gateway process hands what the primary serves (the OpenAPI) to its internal listener, as sent:
 * the raw header lines (duplicates and case kept; the hop-by-hop ones and a client's own
 * x-fc-engine-forwarded left out),
 * the body streamed both ways. The primary's 100 Continue is relayed; its early answer (a body too
 * large) is lingered on as the primary does; a client that hangs up aborts the forwarded request.
 */
export function forwardTo(target: ForwardTarget): { forward: Forward; close(): void } {
  const agent = new http.Agent({ keepAlive: true });
  const forward: Forward = (req, res) => {
    // The body's framing (Content-Length, Transfer-Encoding) goes on with it: the primary reads it as sent.
    const headers = without(req.rawHeaders, REQUEST_HOP_BY_HOP);
    headers.push(FORWARDED_HEADER, forwardedValue(target.secret, req.socket.remoteAddress));
    const upstream = http.request({
      host: '127.0.0.1',
      port: target.port,
      method: req.method,
      path: req.url,
      headers,
      setHost: false,
      agent,
    });
    lingerAfterEarlyAnswer(req, res);
    upstream.on('continue', () => res.writeContinue());
    upstream.on('response', (answer) => {
      // This connection's own framing and persistence are Node's to choose for this client (an HTTP/1.0
      // one gets no chunks); the primary's, on the hop between the processes, stay there.
      // An early answer closes its connection (the body was not read): so does this one.
      if (/\bclose\b/i.test(String(answer.headers.connection ?? ''))) res.shouldKeepAlive = false;
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, without(answer.rawHeaders, RESPONSE_HOP_BY_HOP));
      // An answer complete before the body was sent whole (413): the rest is the client's to stop sending.
      answer.once('end', () => req.unpipe(upstream));
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', () => failed(res));
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
  return { forward, close: () => agent.destroy() };
}
