import http from 'node:http';
import { RESPONSE_BODY, RESPONSE_TYPE } from './bench-engine';

/** The baseline: a bare Node http server answering what the function answers (202 for async). */
export async function startBareServer(): Promise<{
  port: number;
  close(): Promise<void>;
}> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.headers['x-fc-invocation-type'] === 'Async') {
        res.writeHead(202).end();
        return;
      }
      res.writeHead(200, { 'content-type': RESPONSE_TYPE }).end(RESPONSE_BODY);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One request on a fresh connection; answers the status, the body and the time to the last byte. */
export function timedRequest(port: number, host: string): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, path: '/', headers: { host }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
