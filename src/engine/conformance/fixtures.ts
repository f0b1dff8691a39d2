import type { FunctionCode } from './harness';

/**
 * An event function that tells what it received (method, path, headers, query, body size, its
 * instance id), after `?sleep=<ms>`; with `?respond` it answers the {statusCode, headers, body} it was sent.
 */
export const MIRROR: FunctionCode = {
  files: {
    'index.js': `exports.handler = async (event) => {
  const req = JSON.parse(event);
  const body = req.isBase64Encoded ? Buffer.from(req.body, 'base64') : Buffer.from(req.body);
  await new Promise((resolve) => setTimeout(resolve, Number(req.queryParameters.sleep || 0)));
  if (req.queryParameters.respond !== undefined) return JSON.parse(body.toString());
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'x-answered-by': 'function' },
    body: JSON.stringify({
      method: req.requestContext.http.method,
      rawPath: req.rawPath,
      headers: req.headers,
      query: req.queryParameters,
      bodyLength: body.length,
      bodyText: body.length < 1024 ? body.toString() : '',
      instance: process.env.FC_INSTANCE_ID,
      requestId: req.requestContext.requestId,
    }),
  };
};
`,
  },
};

/** A web function (custom runtime): a Node server on FC_SERVER_PORT answering what it received. */
export const WEB_SERVER: FunctionCode = {
  runtime: 'custom.debian10',
  customRuntimeConfig: { command: ['node'], args: ['server.js'], port: 9000 },
  files: {
    'server.js': `const http = require('node:http');
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const sleep = Number(new URL(req.url, 'http://x').searchParams.get('sleep') || 0);
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-served-by': 'web' });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString(), instance: process.env.FC_INSTANCE_ID }));
    }, sleep);
  });
}).listen(Number(process.env.FC_SERVER_PORT), '127.0.0.1');
`,
  },
};

/** An event function whose whole code is `source` (index.js). */
export const code = (source: string, extra: Omit<FunctionCode, 'files'> = {}): FunctionCode => ({
  files: { 'index.js': source },
  ...extra,
});

export type Mirrored = {
  method: string;
  rawPath: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  bodyLength: number;
  bodyText: string;
  /** FC_INSTANCE_ID: which instance answered (a sandboxed function sees only its own PID namespace). */
  instance: string;
  requestId: string;
};
