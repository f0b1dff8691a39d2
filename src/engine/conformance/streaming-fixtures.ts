import http from 'node:http';
import type { FunctionCode } from './harness';

/** The 64 KB block `/big` repeats: bytes 0..250, so that a shifted or dropped block shows. */
export const BLOCK = Buffer.from(Array.from({ length: 65536 }, (_, i) => i % 251));

/**
 * A web function that streams: `/gate?gate=URL` writes "first", then "rest!" once URL answers
 * "open" (with a Content-Length of its own), so a test can prove the first chunk arrived before the
 * function finished without timing anything (over the network: the function shares no files); `/echo` sends back each request chunk as it arrives; `/big?bytes=N`
 * sends N bytes of BLOCKs with backpressure; `/count` answers how many body bytes it read, once
 * all arrived; `/hang` writes "first" and never ends; `/die` writes "partial" and exits;
 * `/headers` answers 10 KB of headers; `/apk` answers an APK; `/pid` its instance id.
 */
export const STREAMER: FunctionCode = {
  runtime: 'custom.debian10',
  customRuntimeConfig: { command: ['node'], args: ['server.js'], port: 9000 },
  files: {
    'server.js': `const http = require('node:http');
const BLOCK = Buffer.from(Array.from({ length: 65536 }, (_, i) => i % 251));
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  console.log('serving', url.pathname);
  switch (url.pathname) {
    case '/gate': {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '10', server: 'fn', 'x-fc-forged': '1', 'x-kept': 'yes' });
      res.write('first');
      const gate = url.searchParams.get('gate');
      const wait = () =>
        http
          .get(gate, (answer) => {
            let text = '';
            answer.on('data', (chunk) => (text += chunk));
            answer.on('end', () => (text === 'open' ? res.end('rest!') : setTimeout(wait, 10)));
          })
          .on('error', () => setTimeout(wait, 10));
      return void wait();
    }
    case '/echo':
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void req.pipe(res);
    case '/big': {
      let left = Number(url.searchParams.get('bytes'));
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const pump = () => {
        while (left > 0) {
          const block = BLOCK.subarray(0, Math.min(left, BLOCK.length));
          left -= block.length;
          if (!res.write(block)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    case '/count': {
      let bytes = 0;
      req.on('data', (chunk) => (bytes += chunk.length));
      return void req.on('end', () => res.end(JSON.stringify({ bytes, instance: process.env.FC_INSTANCE_ID })));
    }
    case '/hang':
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.write('first');
    case '/die':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      return void setTimeout(() => process.exit(1), 100);
    case '/headers':
      return void res.writeHead(200, { 'x-a': 'a'.repeat(5000), 'x-b': 'b'.repeat(5000) }).end('x');
    case '/apk':
      return void res.writeHead(200, { 'content-type': 'application/vnd.android.package-archive' }).end('PK');
    default:
      res.end(String(process.env.FC_INSTANCE_ID));
  }
}).listen(Number(process.env.FC_SERVER_PORT), '127.0.0.1');
`,
  },
};

/** A gate for `/gate`: a loopback server answering "closed" until `open()`. */
export async function startGate(): Promise<{ url: string; open(): void; close(): void }> {
  let state = 'closed';
  const server = http.createServer((_req, res) => res.end(state));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, open: () => void (state = 'open'), close: () => void server.close() };
}

export type Arrival = { at: number; data: Buffer };

/** A response read as it arrives: each chunk with the time it came, and whether it ended whole. */
export type StreamedReply = {
  status: number;
  headers: http.IncomingHttpHeaders;
  startedAt: number;
  chunks: Arrival[];
  text: string;
  /** False when the connection was cut before the response ended. */
  complete: boolean;
};

/** Reads a response chunk by chunk; `keep: false` only counts into `onData` (a large body). */
export function readStreamed(
  res: http.IncomingMessage,
  startedAt: number,
  options: { keep?: boolean; onData?: (chunk: Buffer) => void } = {},
): Promise<StreamedReply> {
  const chunks: Arrival[] = [];
  return new Promise((resolve) => {
    res.on('data', (data: Buffer) => {
      options.onData?.(data);
      if (options.keep !== false) chunks.push({ at: Date.now(), data });
    });
    const settle = () =>
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        startedAt,
        chunks,
        text: Buffer.concat(chunks.map((c) => c.data)).toString(),
        complete: res.complete,
      });
    res.on('error', () => undefined);
    res.on('close', settle);
  });
}

/** Opens a request to a trigger URL; the caller writes and ends it. */
export function openRequest(url: string, method: string, path: string, headers: Record<string, string> = {}) {
  const target = new URL(url);
  const req = http.request({
    host: '127.0.0.1',
    port: Number(target.port),
    method,
    path,
    headers: { host: target.host, ...headers },
    agent: false,
  });
  const response = new Promise<http.IncomingMessage>((resolve, reject) =>
    req.on('response', resolve).on('error', reject),
  );
  // A test that hangs up itself never awaits the response.
  response.catch(() => undefined);
  return { req, response };
}
