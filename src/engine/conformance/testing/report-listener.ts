import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server of the test's own that a function's hook posts to: `heard` holds each body, in order. */
export type ReportListener = { url: string; heard: string[]; close(): void };

export async function startReportListener(): Promise<ReportListener> {
  const heard: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => (heard.push(body), res.end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    heard,
    close: () => server.close(),
  };
}
