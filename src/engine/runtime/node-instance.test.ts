import { Readable } from 'node:stream';
import { afterAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { createInstancePool, type InstancePool } from './instance-pool';
import {
  expectFailure,
  expectSuccess,
  httpRequest,
  json,
  makeTempDir,
  nodeSpec,
  writeCodeZip,
} from './testing/runtime-fixtures';

const temp = makeTempDir();
afterAll(temp.cleanup);
let pool: InstancePool;
beforeEach(() => {
  pool = createInstancePool({ workDir: temp.dir, accountId: '1234567890' });
});
afterEach(() => pool.close());

const spec = (files: Record<string, string>, overrides = {}) => nodeSpec(writeCodeZip(temp.dir, files), overrides);

describe('Node.js event functions', () => {
  it('runs an async handler and a callback handler (the seed example reads JSON.parse(event))', async () => {
    const asyncFn = spec({
      'index.js':
        'exports.handler = async (event) => ({ statusCode: 200, body: "async:" + JSON.parse(event).rawPath })',
    });
    expect(expectSuccess(await pool.invokeHttp(asyncFn, httpRequest({ rawPath: '/a' }))).body.toString()).toBe(
      'async:/a',
    );

    const callbackFn = spec({
      'index.js': `exports.handler = (event, context, callback) => {
        const method = JSON.parse(event).requestContext.http.method;
        callback(null, { statusCode: 204, headers: { 'x-method': method }, body: '' });
      };`,
    });
    const result = expectSuccess(await pool.invokeHttp(callbackFn, httpRequest({ method: 'OPTIONS' })));
    expect(result.statusCode).toBe(204);
    expect(result.headers).toContainEqual(['x-method', 'OPTIONS']);
  });

  it('hands the handler the HTTP event and sends back its headers and base64 body', async () => {
    const echo = spec({
      'index.js': `exports.handler = async (event, context) => ({
        statusCode: 207,
        headers: { 'content-type': 'application/octet-stream', 'x-request-id': context.requestId, 'x-fn': context.function.name },
        isBase64Encoded: true,
        body: Buffer.from(event).toString('base64'),
      });`,
    });
    const body = Buffer.from([0, 1, 254, 255]);
    const result = expectSuccess(
      await pool.invokeHttp(
        echo,
        httpRequest({
          method: 'PUT',
          rawPath: '/up',
          query: 'q=1&q=2',
          headers: { 'content-type': 'application/octet-stream' },
          body,
          requestId: 'r-1',
        }),
      ),
    );
    expect(result.statusCode).toBe(207);
    expect(result.headers).toEqual(
      expect.arrayContaining([
        ['x-request-id', 'r-1'],
        ['x-fn', 'hello'],
      ]),
    );
    const event = JSON.parse(result.body.toString());
    expect(event).toMatchObject({
      rawPath: '/up',
      queryParameters: { q: '1,2' },
      isBase64Encoded: true,
      body: body.toString('base64'),
      requestContext: {
        accountId: '1234567890',
        requestId: 'r-1',
        http: { method: 'PUT', path: '/up', sourceIp: '127.0.0.1' },
      },
    });
  });

  it('reads a streamed body whole into the event, and fails with ClientClosedRequest when the stream does', async () => {
    const fn = spec({ 'index.js': 'exports.handler = async (event) => ({ body: JSON.parse(event).body })' });
    const request = httpRequest({ method: 'POST', headers: { 'content-type': 'text/plain' } });
    const streamed = Readable.from([Buffer.from('one '), Buffer.from('two')]);
    expect(expectSuccess(await pool.invokeHttp(fn, { ...request, body: streamed })).body.toString()).toBe('one two');
    const failing = new Readable({
      read() {
        this.destroy(new Error('client gone'));
      },
    });
    expect(expectFailure(await pool.invokeHttp(fn, { ...request, body: failing })).error).toBe('ClientClosedRequest');
  });

  it('answers InvokeFunction with the handler return: a Buffer, a string or JSON', async () => {
    const fn = spec(
      {
        'index.js': `exports.handler = async (event) => {
        const input = event.toString();
        if (input === 'buffer') return Buffer.from([7, 8]);
        if (input === 'string') return 'plain';
        return { got: input, env: process.env.GREETING, secret: process.env.FC_ENGINE_ACCESS_KEY_SECRET ?? null };
      };`,
      },
      { environmentVariables: { GREETING: 'hi' } },
    );
    expect(expectSuccess(await pool.invokeEvent(fn, Buffer.from('buffer'), 'e-1')).body).toEqual(Buffer.from([7, 8]));
    expect(expectSuccess(await pool.invokeEvent(fn, Buffer.from('string'), 'e-2')).body.toString()).toBe('plain');
    process.env.FC_ENGINE_ACCESS_KEY_SECRET = 'engine-secret';
    try {
      expect(json(await pool.invokeEvent(fn, Buffer.from('{"a":1}'), 'e-3'))).toEqual({
        got: '{"a":1}',
        env: 'hi',
        secret: null,
      });
    } finally {
      delete process.env.FC_ENGINE_ACCESS_KEY_SECRET;
    }
  });

  it('passes a binary payload byte for byte and keeps what JSON would lose in the result', async () => {
    const fn = spec({
      'index.js': `exports.handler = async (event) => {
        if (event[0] === 0xff) return { hex: event.toString('hex'), missing: NaN };
        return { statusCode: 201, headers: { 'x-at': new Date(0) }, body: Buffer.from([0, 255]) };
      };`,
    });
    expect(json(await pool.invokeEvent(fn, Buffer.from([0xff, 0x00, 0x80, 0x0a]), 'b-1'))).toEqual({
      hex: 'ff00800a',
      missing: null,
    });
    const response = expectSuccess(await pool.invokeHttp(fn, httpRequest()));
    expect(response.statusCode).toBe(201);
    expect(response.headers).toContainEqual(['x-at', String(new Date(0))]);
    expect(response.body).toEqual(Buffer.from([0, 255]));
  });

  it('captures console output per invocation, tagged with its request id', async () => {
    const fn = spec({
      'index.js': `exports.handler = async (event, context) => {
        console.log('hello', event.toString());
        context.logger.warn('careful');
        return 'ok';
      };`,
    });
    const first = expectSuccess(await pool.invokeEvent(fn, Buffer.from('one'), 'log-1'));
    const second = expectSuccess(await pool.invokeEvent(fn, Buffer.from('two'), 'log-2'));
    expect(first.logs).toMatch(
      /^FC Invoke Start RequestId: log-1\n.*log-1 \[INFO\] hello one\n.*log-1 \[WARN\] careful\nFC Invoke End RequestId: log-1\n$/,
    );
    expect(second.logs).toContain('log-2 [INFO] hello two');
    expect(second.logs).not.toContain('hello one');
  });

  it('prints a lone string as is, % signs included, and fills placeholders from further arguments', async () => {
    const fn = spec({
      'index.js': `exports.handler = async (event, context) => {
        console.log('100%% done %s');
        console.info('%d items in %s', 3, 'the cart');
        context.logger.error('50% off');
        return 'ok';
      };`,
    });
    const { logs } = expectSuccess(await pool.invokeEvent(fn, Buffer.from(''), 'fmt-1'));
    expect(logs).toContain('fmt-1 [INFO] 100%% done %s\n');
    expect(logs).toContain('fmt-1 [INFO] 3 items in the cart\n');
    expect(logs).toContain('fmt-1 [ERROR] 50% off\n');
  });

  it('reports a thrown error, a rejection or callback(err) as UnhandledInvocationError and keeps the instance', async () => {
    const fn = spec({
      'index.js': `exports.handler = (event, context, callback) => {
        const mode = event.toString();
        if (mode === 'throw') throw new TypeError('boom');
        if (mode === 'callback') return callback(new Error('via callback'));
        if (mode === 'reject') return Promise.reject(new Error('rejected'));
        callback(null, JSON.stringify(process.env.FC_INSTANCE_ID));
      };`,
    });
    const pid = json(await pool.invokeEvent(fn, Buffer.from('pid'), 'x-0'));
    const thrown = expectFailure(await pool.invokeEvent(fn, Buffer.from('throw'), 'x-1'));
    expect(thrown).toMatchObject({ error: 'UnhandledInvocationError', message: 'boom', errorType: 'TypeError' });
    expect(thrown.logs).toMatch(/\[ERROR\] TypeError: boom\n\s+at exports\.handler/);
    expect(thrown.stackTrace?.[0]).toMatch(/^at exports\.handler/);
    expect(expectFailure(await pool.invokeEvent(fn, Buffer.from('callback'), 'x-2')).message).toBe('via callback');
    expect(expectFailure(await pool.invokeEvent(fn, Buffer.from('reject'), 'x-3')).message).toBe('rejected');
    expect(json(await pool.invokeEvent(fn, Buffer.from('pid'), 'x-4'))).toBe(pid);
  });

  it('reports an error thrown later in the invocation (a timer) as UnhandledInvocationError', async () => {
    const fn = spec({
      'index.js': `exports.handler = (event, context, callback) => { setTimeout(() => { throw new Error('late'); }, 5); };`,
    });
    expect(expectFailure(await pool.invokeEvent(fn, Buffer.alloc(0), 'late-1'))).toMatchObject({
      error: 'UnhandledInvocationError',
      message: 'late',
    });
  });

  it('reports a syntax error and a missing module as UnhandledInvocationError with the error in the logs', async () => {
    const broken = spec({ 'index.js': 'exports.handler = async (event) => {' });
    const syntax = expectFailure(await pool.invokeHttp(broken, httpRequest()));
    expect(syntax).toMatchObject({ error: 'UnhandledInvocationError', errorType: 'SyntaxError' });
    expect(syntax.logs).toContain('SyntaxError');

    const missing = spec({ 'main.js': '' }, { handler: 'index.handler' });
    const notFound = expectFailure(await pool.invokeHttp(missing, httpRequest()));
    expect(notFound.error).toBe('UnhandledInvocationError');
    expect(notFound.logs).toContain('Cannot find module');
  });

  it('reports HandlerNotFound when the module loads but lacks the export', async () => {
    const fn = spec({ 'index.js': 'exports.other = () => 1;' });
    const result = expectFailure(await pool.invokeHttp(fn, httpRequest()));
    expect(result.error).toBe('HandlerNotFound');
    expect(result.message).toContain('"handler"');
  });

  it('loads an ES module handler (index.mjs)', async () => {
    const fn = spec({ 'index.mjs': 'export const handler = async () => ({ statusCode: 200, body: "esm" });' });
    expect(expectSuccess(await pool.invokeHttp(fn, httpRequest())).body.toString()).toBe('esm');
  });

  it('answers BadResponse for an HTTP invocation that returns no valid response object', async () => {
    const fn = spec({ 'index.js': 'exports.handler = async () => "just a string";' });
    expect(expectFailure(await pool.invokeHttp(fn, httpRequest())).error).toBe('BadResponse');
  });

  it('answers FunctionExited when the handler exits the process, and the next request gets a new instance', async () => {
    const fn = spec({
      'index.js': `exports.handler = (event, context, callback) => {
        if (event.toString() === 'exit') { console.log('leaving'); process.exit(3); }
        callback(null, JSON.stringify(process.env.FC_INSTANCE_ID));
      };`,
    });
    const before = json(await pool.invokeEvent(fn, Buffer.from('pid'), 'p-1'));
    const exited = expectFailure(await pool.invokeEvent(fn, Buffer.from('exit'), 'p-2'));
    expect(exited.error).toBe('FunctionExited');
    expect(exited.logs).toContain('[INFO] leaving');
    expect(exited.logs).toContain('exit code 3');
    const after = json(await pool.invokeEvent(fn, Buffer.from('pid'), 'p-3'));
    expect(after).not.toBe(before);
  });

  it('stops an invocation at its timeout with FunctionTimeout and replaces the instance', async () => {
    const fn = spec(
      {
        'index.js': `exports.handler = (event, context, callback) => { if (event.toString() === 'loop') { console.log('looping'); for (;;) {} } callback(null, JSON.stringify(process.env.FC_INSTANCE_ID)); };`,
      },
      { timeoutSeconds: 1 },
    );
    const before = json(await pool.invokeEvent(fn, Buffer.from('pid'), 't-0'));
    // The loop never ends: only the timeout can answer.
    const result = expectFailure(await pool.invokeEvent(fn, Buffer.from('loop'), 't-1'));
    expect(result.error).toBe('FunctionTimeout');
    expect(result.logs).toContain('looping');
    expect(json(await pool.invokeEvent(fn, Buffer.from('pid'), 't-2'))).not.toBe(before);
  });

  it('gives each invocation its whole timeout, however long after the previous one on its instance it starts', async () => {
    // One timer serves the instance's invocations: the one the first armed must not cut the second short.
    const fn = spec(
      {
        'index.js': `exports.handler = (event, context, callback) => {
          if (event.toString() !== 'slow') return callback(null, JSON.stringify(process.env.FC_INSTANCE_ID));
          setTimeout(() => callback(null, JSON.stringify(process.env.FC_INSTANCE_ID)), 1200);
        };`,
      },
      { timeoutSeconds: 2 },
    );
    const first = json(await pool.invokeEvent(fn, Buffer.from('quick'), 'w-1'));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    // 2.4 s after the first invocation started, 1.2 s into its own 2 s.
    expect(json(await pool.invokeEvent(fn, Buffer.from('slow'), 'w-2'))).toBe(first);
  });
});
