import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FunctionCode } from '../../conformance/harness';

/**
 * Holds a function's invocation open without timing: the function calls the gate's URL and
 * returns only when the test opens the gate. `arrived` resolves once the function is inside.
 */
export type RequestGate = { url: string; arrived: Promise<void>; open(): void; close(): Promise<void> };

export async function startRequestGate(): Promise<RequestGate> {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const waiting: http.ServerResponse[] = [];
  let opened = false;
  const server = http.createServer((_req, res) => {
    if (opened) return res.end('open');
    waiting.push(res);
    arrive();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    arrived,
    open() {
      opened = true;
      for (const res of waiting.splice(0)) res.end('open');
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An event function that waits at `?gate=<url>` (if given), then answers its FC_INSTANCE_ID. */
export const GATED: FunctionCode = {
  files: {
    'index.js': `const http = require('http');
exports.handler = async (event) => {
  const gate = JSON.parse(event).queryParameters.gate;
  if (gate) {
    await new Promise((resolve, reject) =>
      http.get(gate, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject));
  }
  return { statusCode: 200, body: JSON.stringify({ instanceId: process.env.FC_INSTANCE_ID }) };
};
`,
  },
};
