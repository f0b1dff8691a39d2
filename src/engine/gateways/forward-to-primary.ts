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
 * A gateway process hands what the primary serves (the OpenAPI) to its internal listener, as sent:
 * the raw header lines (duplicates and case kept, a client's own x-fc-engine-forwarded left out),
 * the body streamed both ways. The primary's 100 Continue is relayed; its early answer (a body too
 * large) is lingered on as the primary does; a client that hangs up aborts the forwarded request.
 */
export function forwardTo(target: ForwardTarget): { forward: Forward; close(): void } {
  const agent = new http.Agent({ keepAlive: true });
  const forward: Forward = (req, res) => {
    const headers: string[] = [];
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2)
      if (raw[i]!.toLowerCase() !== FORWARDED_HEADER) headers.push(raw[i]!, raw[i + 1]!);
    headers.push(FORWARDED_HEADER, forwardedValue(target.secret, req.socket.remoteAddress, req.socket.remotePort));
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
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
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
