import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RESPONSE_LIMITS } from '../../contract/request-limits';
import { LINE_TRUNCATED, LOG_TRUNCATED, MAX_LOG_CHARS, MAX_LOG_LINE_CHARS } from '../runtime/invocation-log';
import { MIRROR, code } from './fixtures';
import { call, deployHttp, hostOf, startHarness, type Harness, type TriggerEndpoints } from './harness';
import { completeLogs } from './testing/complete-logs';
import { rawRequest, requestHead } from './testing/raw-socket';

// What a function sends back, bounded: its output to stdout (the log) and its response body.
const LIMIT = RESPONSE_LIMITS.bodyBytes;
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** `?flood=<n>`: n characters on stdout without a newline; `?lines=<n>`: n lines of 1 KB. Then answers. */
const PRINTER = code(
  `exports.handler = async (event) => {
  const q = JSON.parse(event).queryParameters;
  const write = (text) => new Promise((resolve) => process.stdout.write(text, resolve));
  if (q.flood) await write('x'.repeat(Number(q.flood)));
  for (let i = 0; i < Number(q.lines || 0); i++) await write(String(i).padStart(6, '0') + ' ' + 'l'.repeat(1017) + '\\n');
  return { statusCode: 200, body: 'printed' };
};
`,
  { timeout: 60 },
);

/** An event function answering a body of `?n=` bytes. */
const BIG_EVENT = code(
  `exports.handler = async (event) => {
  const n = Number(JSON.parse(event).queryParameters.n);
  return { statusCode: 200, body: 'r'.repeat(n) };
};
`,
  { timeout: 60 },
);

/** A web function streaming `?n=` bytes in 1 MB writes, chunked, or with its Content-Length (`?declare`). */
const BIG_WEB = {
  runtime: 'custom.debian10',
  timeout: 60,
  customRuntimeConfig: { command: ['node'], args: ['server.js'], port: 9000 },
  files: {
    'server.js': `const http = require('node:http');
const block = Buffer.alloc(1024 * 1024, 'w');
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let left = Number(url.searchParams.get('n'));
  res.writeHead(200, url.searchParams.has('declare') ? { 'content-length': String(left) } : {});
  res.on('error', () => undefined);
  res.on('close', () => (left = 0));
  const write = () => {
    while (left > 0) {
      const part = left >= block.length ? block : block.subarray(0, left);
      left -= part.length;
      if (!res.write(part)) return void res.once('drain', write);
    }
    res.end();
  };
  write();
}).listen(Number(process.env.FC_SERVER_PORT), '127.0.0.1');
`,
  },
};

describe('output floods: the log is capped and the function still answers', () => {
  // Each on its own instance: after a flood, what follows is the rest of its line until a newline.
  let printer: TriggerEndpoints;
  beforeEach(async () => (printer = await deployHttp(h, PRINTER)));

  it('32 MB on stdout without a newline: one line of 32 KB in the log, marked as cut', async () => {
    const reply = await call(printer.urlInternet, { path: `/?flood=${32 * 1024 * 1024}` });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('printed');
    const { logs } = await completeLogs(h, printer.functionName, String(reply.headers['x-fc-request-id']));
    expect(logs).toContain(`\n${'x'.repeat(MAX_LOG_LINE_CHARS)}${LINE_TRUNCATED}\n`);
    expect(logs).not.toContain('x'.repeat(MAX_LOG_LINE_CHARS + 1));
    expect(logs.length).toBeLessThan(MAX_LOG_LINE_CHARS + 1024);
    // The engine is not busy with it any more: another function answers at once.
    expect((await call((await deployHttp(h, MIRROR)).urlInternet)).status).toBe(200);
  }, 60_000);

  it('3 MB of lines: the log keeps 1 MB, then the truncation mark and the end line', async () => {
    const reply = await call(printer.urlInternet, { path: '/?lines=3000' });
    expect(reply.status).toBe(200);
    const requestId = String(reply.headers['x-fc-request-id']);
    const { logs } = await completeLogs(h, printer.functionName, requestId);
    expect(logs.length).toBeLessThanOrEqual(MAX_LOG_CHARS);
    expect(logs.length).toBeGreaterThan(MAX_LOG_CHARS - 2048);
    expect(logs).toContain(`000000 ${'l'.repeat(1017)}\n`);
    expect(logs).not.toContain('002999 ');
    expect(logs.endsWith(`${LOG_TRUNCATED}\nFC Invoke End RequestId: ${requestId}\n`)).toBe(true);
  }, 60_000);
});

describe(`response bodies: ${LIMIT} bytes pass, one more is 502 BadResponse`, () => {
  const expectBadResponse = (reply: { status: number; header(n: string): string | undefined; json<T>(): T }) => {
    expect(reply.status).toBe(502);
    expect(reply.header('x-fc-error-type')).toBe('BadResponse');
    const body = reply.json<{ Code: string; Message: string }>();
    expect(body.Code).toBe('BadResponse');
    expect(body.Message).toContain(String(LIMIT));
  };
  const get = (url: string, target: string) =>
    rawRequest(h.engine.port, requestHead(target, [`Host: ${hostOf(url)}`, 'Connection: close']));

  it('an event function: checked before anything is sent', async () => {
    const { urlInternet } = await deployHttp(h, BIG_EVENT);
    const at = await get(urlInternet, `/?n=${LIMIT}`);
    expect(at.status).toBe(200);
    expect(at.complete).toBe(true);
    expect(at.body.length).toBe(LIMIT);
    expectBadResponse(await get(urlInternet, `/?n=${LIMIT + 1}`));
  }, 120_000);

  it('a web function declaring a Content-Length past the limit: 502 before any byte of it', async () => {
    const { urlInternet } = await deployHttp(h, BIG_WEB);
    const reply = await get(urlInternet, `/?n=${LIMIT + 1}&declare`);
    expectBadResponse(reply);
    expect(reply.complete).toBe(true);
    const at = await get(urlInternet, `/?n=${LIMIT}&declare`);
    expect(at.status).toBe(200);
    expect(at.complete).toBe(true);
    expect(at.body.length).toBe(LIMIT);
  }, 120_000);

  it('a web function streaming past the limit: the response is cut short, the invocation logged as BadResponse', async () => {
    const { urlInternet, functionName } = await deployHttp(h, BIG_WEB);
    const at = await get(urlInternet, `/?n=${LIMIT}`);
    expect(at.status).toBe(200);
    expect(at.complete).toBe(true);
    expect(at.body.length).toBe(LIMIT);

    const past = await get(urlInternet, `/?n=${LIMIT + 5 * 1024 * 1024}`);
    // The status went out with the first bytes: the client sees an incomplete response, never more than the limit.
    expect(past.status).toBe(200);
    expect(past.complete).toBe(false);
    expect(past.body.length).toBeLessThanOrEqual(LIMIT);
    const requestId = past.header('x-fc-request-id')!;
    expect(h.logs.find((line) => line.includes(requestId))).toMatch(/BadResponse .* after the response started/);
    const { logs } = await completeLogs(h, functionName, requestId);
    expect(logs).toContain(`a synchronous invocation answers at most ${LIMIT} bytes`);
    // The instance is not broken by it.
    expect((await get(urlInternet, '/?n=10')).body.toString()).toBe('w'.repeat(10));
  }, 120_000);
});
