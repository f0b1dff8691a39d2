import http from 'node:http';
import { signAcs3 } from '../../../contract/acs3-signature';
import type { RunningEngine } from '../../server';
import { sdkClient, type FcClientInstance } from './engine-kit';

/** What an attacker's client saw: the answer, and how much of its body it managed to send. */
export type StreamedReply = {
  status: number;
  body: { Code?: string; Message?: string; RequestId?: string };
  bytesSent: number;
  /** The whole body was handed to the socket. */
  sentAll: boolean;
};

/** `total` bytes in 64 KB chunks, produced as they are sent (the same zeroed chunk each time). */
export function* zeroBytes(total: number, chunkSize = 64 * 1024): Generator<Buffer> {
  const chunk = Buffer.alloc(chunkSize);
  for (let sent = 0; sent < total; sent += chunkSize)
    yield sent + chunkSize <= total ? chunk : chunk.subarray(0, total - sent);
}

function drainedOrClosed(req: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done).off('close', done);
      resolve();
    };
    req.on('drain', done).on('close', done);
  });
}

type StreamedRequest = { method: string; path: string; headers: Record<string, string>; chunks: Iterable<Buffer> };

/**
 * Send a request whose body comes from `chunks` (chunked unless a content-length header is given),
 * respecting backpressure. A polite client stops writing when the answer arrives; a rude one
 * (`keepWriting`) goes on until the whole body is sent or the connection is closed under it.
 */
export function sendStreamed(
  engine: RunningEngine,
  request: StreamedRequest,
  { keepWriting = false } = {},
): Promise<StreamedReply> {
  const req = http.request({ host: '127.0.0.1', port: engine.port, agent: false, ...request });
  let answered = false;
  const answer = new Promise<Pick<StreamedReply, 'status' | 'body'>>((resolve, reject) => {
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') });
        if (!keepWriting) req.destroy();
      });
    });
  });

  const writing = (async () => {
    let bytesSent = 0;
    for (const chunk of request.chunks) {
      if ((answered && !keepWriting) || req.destroyed) return { bytesSent, sentAll: false };
      if (!req.write(chunk)) await drainedOrClosed(req);
      if (req.destroyed) return { bytesSent, sentAll: false };
      bytesSent += chunk.length;
    }
    req.end();
    return { bytesSent, sentAll: true };
  })();

  return Promise.all([answer, writing]).then(([reply, sent]) => {
    req.destroy();
    return { ...reply, ...sent };
  });
}

/**
 * A client that says `Expect: 100-continue` and sends its body only if told to go on (as curl does
 * for large bodies). Answers whether it was told, and the final answer.
 */
export function sendAfterContinue(
  engine: RunningEngine,
  request: { method: string; path: string; headers: Record<string, string>; body: Buffer },
): Promise<{ continued: boolean; status: number; body: { Code?: string } }> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const headers = { ...request.headers, expect: '100-continue', 'content-length': String(request.body.length) };
    const req = http.request({ host: '127.0.0.1', port: engine.port, agent: false, ...request, headers });
    req.on('continue', () => {
      continued = true;
      req.end(request.body);
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ continued, status: res.statusCode ?? 0, body: JSON.parse(text || '{}') });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

/** Headers signed with the engine's AccessKey, as `signAcs3` (the SDK's algorithm) makes them. */
export function signedHeaders(
  engine: RunningEngine,
  request: { method: string; path: string; body: Uint8Array; action?: string },
  key = engine.credentials,
): Record<string, string> {
  const headers = {
    host: `127.0.0.1:${engine.port}`,
    'content-type': 'application/json',
    'x-acs-action': request.action ?? 'Test',
  };
  return signAcs3({ method: request.method, rawPath: request.path, query: '', headers, body: request.body }, key);
}

export type CapturedRequest = { method: string; path: string; headers: string[]; body: Buffer };

/**
 * The exact request the official SDK sends for `call`: the SDK talks to a recorder that answers `{}`,
 * with the engine's endpoint name and keys, so the request can then be sent to the engine as is.
 */
export async function captureSdkRequest(
  engine: RunningEngine,
  call: (client: FcClientInstance) => Promise<unknown>,
): Promise<CapturedRequest> {
  let captured: CapturedRequest | undefined;
  const recorder = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      captured = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.rawHeaders,
        body: Buffer.concat(chunks),
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((listening) => recorder.listen(0, '127.0.0.1', listening));
  try {
    const port = (recorder.address() as { port: number }).port;
    await call(sdkClient({ ...engine, port }));
  } finally {
    await new Promise((closed) => recorder.close(closed));
  }
  if (!captured) throw new Error('the SDK sent nothing');
  return captured;
}

/** Send a captured request to the engine byte for byte (same headers, same body). */
export function replay(engine: RunningEngine, captured: CapturedRequest): Promise<StreamedReply> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < captured.headers.length; i += 2) headers[captured.headers[i]!] = captured.headers[i + 1]!;
  return sendStreamed(engine, { method: captured.method, path: captured.path, headers, chunks: [captured.body] });
}
