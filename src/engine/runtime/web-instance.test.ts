import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processTree } from './sandbox/process-tree';
import { createInstancePool, type InstancePool } from './instance-pool';
import {
  expectFailure,
  expectSuccess,
  httpRequest,
  isRunning,
  json,
  makeTempDir,
  nodeSpec,
  writeCodeZip,
} from './testing/runtime-fixtures';
import type { FunctionSpec, ResponseHead } from './types';

const temp = makeTempDir();
afterAll(temp.cleanup);
let pool: InstancePool;
beforeEach(() => {
  pool = createInstancePool({ workDir: temp.dir, startupTimeoutMs: 5000 });
});
afterEach(() => pool.close());

// A web function: echoes the request; `/slow?ms=N` waits first, `/crash` exits mid-request, `/stream`
// sends its head and "a" and, in a later write, "b".
const SERVER = `
const http = require('node:http');
console.log('booting on', process.env.FC_SERVER_PORT);
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'http://x');
    console.log('handling', req.method, req.url);
    if (url.pathname === '/crash') process.exit(7);
    if (url.pathname === '/stream') {
      res.writeHead(200).write('a');
      return void setTimeout(() => res.end('b'), 50);
    }
    setTimeout(() => {
      res.setHeader('x-echo', 'yes');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.statusCode = url.pathname === '/invoke' ? 200 : 201;
      res.end(JSON.stringify({
        method: req.method, url: req.url, body: Buffer.concat(chunks).toString(), instance: process.env.FC_INSTANCE_ID,
        requestId: req.headers['x-fc-request-id'], custom: req.headers['x-custom'], fn: process.env.FC_FUNCTION_NAME, port: process.env.PORT,
      }));
    }, Number(url.searchParams.get('ms') ?? 0));
  });
}).listen(Number(process.env.FC_SERVER_PORT), '127.0.0.1');
`;
const serverZip = writeCodeZip(temp.dir, { 'server.js': SERVER });

function webSpec(overrides: Partial<FunctionSpec> = {}, zipPath = serverZip): FunctionSpec {
  return nodeSpec(zipPath, {
    functionName: 'web',
    runtime: 'custom.debian10',
    handler: 'index.handler',
    customRuntimeConfig: { command: ['node'], args: ['server.js'] },
    ...overrides,
  });
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('web functions (custom runtime)', () => {
  it('proxies the request unchanged and answers status, raw headers and body; logs go to the request', async () => {
    const request = httpRequest({
      method: 'POST',
      rawPath: '/items/1',
      query: 'a=1&a=2',
      headers: { 'content-type': 'text/plain', 'x-custom': 'kept' },
      body: Buffer.from('payload'),
      requestId: 'web-1',
    });
    const result = expectSuccess(await pool.invokeHttp(webSpec(), request));
    expect(result.statusCode).toBe(201);
    expect(result.headers).toEqual(
      expect.arrayContaining([
        ['x-echo', 'yes'],
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
      ]),
    );
    const echoed = JSON.parse(result.body.toString());
    expect(echoed).toMatchObject({
      method: 'POST',
      url: '/items/1?a=1&a=2',
      body: 'payload',
      requestId: 'web-1',
      custom: 'kept',
      fn: 'web',
    });
    expect(echoed.port).toMatch(/^\d+$/);
    expect(result.logs).toContain('booting on');
    expect(result.logs).toContain('handling POST /items/1?a=1&a=2');

    const again = expectSuccess(await pool.invokeHttp(webSpec(), httpRequest({ requestId: 'web-2' })));
    expect(JSON.parse(again.body.toString()).instance).toBe(echoed.instance);
    expect(again.logs).not.toContain('booting on');
  });

  it('serves up to instanceConcurrency requests on one instance at once', async () => {
    const spec = webSpec({ instanceConcurrency: 2 });
    const results = await Promise.all(
      [1, 2].map((i) =>
        pool.invokeHttp(spec, httpRequest({ rawPath: '/slow', query: 'ms=200', requestId: `cc-${i}` })),
      ),
    );
    const instances = results.map((r) => (json(r) as { instance: string }).instance);
    expect(instances[0]).toBe(instances[1]);
  });

  it('answers a response already whole as one (the caller sends it with its length); a body still to come, or HEAD, streams', async () => {
    const heads: number[] = [];
    const streamed: string[] = [];
    const respondTo = (head: ResponseHead) => {
      heads.push(head.statusCode);
      return new Writable({ write: (chunk: Buffer, _encoding, done) => done(void streamed.push(chunk.toString())) });
    };
    const whole = expectSuccess(await pool.invokeHttp(webSpec(), httpRequest({ requestId: 'whole', respondTo })));
    expect(whole.streamed).toBeUndefined();
    expect(JSON.parse(whole.body.toString())).toMatchObject({ method: 'GET', requestId: 'whole' });
    expect(heads).toEqual([]);

    const partial = expectSuccess(await pool.invokeHttp(webSpec(), httpRequest({ rawPath: '/stream', respondTo })));
    expect(partial).toMatchObject({ statusCode: 200, streamed: true, body: Buffer.alloc(0) });
    expect(streamed.join('')).toBe('ab');

    // A HEAD answer has no body to measure: its headers go out as the function sent them.
    const head = expectSuccess(await pool.invokeHttp(webSpec(), httpRequest({ method: 'HEAD', respondTo })));
    expect(head.streamed).toBe(true);
    expect(heads).toEqual([200, 201]);
  });

  it('sends InvokeFunction to POST /invoke with the payload', async () => {
    const result = await pool.invokeEvent(webSpec(), Buffer.from('{"x":1}'), 'ev-1');
    expect(json(result)).toMatchObject({ method: 'POST', url: '/invoke', body: '{"x":1}', requestId: 'ev-1' });
  });

  it('answers InstanceStartFailed when the server never listens, within startupTimeoutMs', async () => {
    // Long enough for a loaded machine to start node in the sandbox and print, short of the default.
    const short = createInstancePool({ workDir: temp.dir, startupTimeoutMs: 2000 });
    try {
      const spec = webSpec({
        customRuntimeConfig: { command: ['node', '-e', "console.log('not listening'); setInterval(() => {}, 1000)"] },
      });
      const result = expectFailure(await short.invokeHttp(spec, httpRequest()));
      expect(result.error).toBe('InstanceStartFailed');
      expect(result.message).toContain('did not listen');
      expect(result.logs).toContain('not listening');
      expect(short.instances()).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it('answers InstanceStartFailed at once when the start command exits or does not exist', async () => {
    const exits = webSpec({
      customRuntimeConfig: { command: ['node', '-e', "console.error('bad config'); process.exit(2)"] },
    });
    // Reported as the exit, not as a start-up timeout: the pool did not wait for the port.
    const exited = expectFailure(await pool.invokeHttp(exits, httpRequest()));
    expect(exited).toMatchObject({ error: 'InstanceStartFailed', message: expect.stringContaining('exit code 2') });
    expect(exited.logs).toContain('bad config');

    const missing = webSpec({ customRuntimeConfig: { command: ['./no-such-bootstrap'] } });
    expect(expectFailure(await pool.invokeHttp(missing, httpRequest()))).toMatchObject({
      error: 'InstanceStartFailed',
      message: expect.stringMatching(/ENOENT|No such file or directory/),
    });
  });

  it('answers FunctionExited when the server dies mid-request, and starts a new one for the next', async () => {
    const first = json(await pool.invokeHttp(webSpec(), httpRequest())) as { instance: string };
    const crashed = expectFailure(await pool.invokeHttp(webSpec(), httpRequest({ rawPath: '/crash' })));
    expect(crashed.error).toBe('FunctionExited');
    expect(crashed.logs).toContain('handling GET /crash');
    const next = json(await pool.invokeHttp(webSpec(), httpRequest())) as { instance: string };
    expect(next.instance).not.toBe(first.instance);
  });

  it('answers FunctionTimeout past the timeout and replaces the instance', async () => {
    const spec = webSpec({ timeoutSeconds: 1 });
    const first = json(await pool.invokeHttp(spec, httpRequest())) as { instance: string };
    const timedOut = expectFailure(await pool.invokeHttp(spec, httpRequest({ rawPath: '/slow', query: 'ms=5000' })));
    expect(timedOut.error).toBe('FunctionTimeout');
    const next = json(await pool.invokeHttp(spec, httpRequest())) as { instance: string };
    expect(next.instance).not.toBe(first.instance);
  });

  it('aborts the proxied request of a client that hangs up and keeps the instance', async () => {
    const first = json(await pool.invokeHttp(webSpec(), httpRequest())) as { instance: string };
    const controller = new AbortController();
    const pending = pool.invokeHttp(webSpec(), httpRequest({ rawPath: '/slow', query: 'ms=2000' }), controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(expectFailure(await pending).error).toBe('ClientClosedRequest');
    expect(pool.instances()).toMatchObject([{ inFlight: 0 }]);
    expect((json(await pool.invokeHttp(webSpec(), httpRequest())) as { instance: string }).instance).toBe(
      first.instance,
    );
  });

  it('kills what the start command started on close', async () => {
    const spec = webSpec({ customRuntimeConfig: { command: ['sh', '-c', 'node server.js'] } });
    expectSuccess(await pool.invokeHttp(spec, httpRequest()));
    const pids = processTree(pool.instances()[0]!.pid!);
    // The shell and its node server, as the engine sees them (bubblewrap's own processes too when sandboxed).
    expect(pids.filter(isRunning).length).toBeGreaterThanOrEqual(2);
    await pool.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pids.filter(isRunning)).toEqual([]);
  });

  it.skipIf(!hasPython)(
    `serves files with python3 -m http.server${hasPython ? '' : ' (skipped: python3 is not on PATH)'}`,
    async () => {
      const zip = writeCodeZip(temp.dir, { 'hello.txt': 'hi from python' });
      const spec = webSpec(
        {
          customRuntimeConfig: {
            command: ['sh', '-c', 'exec python3 -m http.server "$FC_SERVER_PORT" --bind 127.0.0.1'],
          },
        },
        zip,
      );
      const result = expectSuccess(await pool.invokeHttp(spec, httpRequest({ rawPath: '/hello.txt', query: 'v=1' })));
      expect(result.statusCode).toBe(200);
      expect(result.body.toString()).toBe('hi from python');
      expect(result.logs).toContain('GET /hello.txt?v=1');
    },
  );
});
