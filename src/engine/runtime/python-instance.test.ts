import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  pool = createInstancePool({ workDir: temp.dir, accountId: '1234567890', region: 'cn-shanghai' });
});
afterEach(() => pool.close());

const spec = (files: Record<string, string>, overrides = {}) =>
  nodeSpec(writeCodeZip(temp.dir, files), { runtime: 'python3.10', ...overrides });

describe('Python event functions', () => {
  it('answers InvokeFunction with what the handler returns: bytes, a str or JSON', async () => {
    const fn = spec({
      'index.py': `import json, os
def handler(event, context):
    if event == b'bytes':
        return bytes([0, 255])
    if event == b'str':
        return 'plain'
    return {'got': event.decode(), 'type': type(event).__name__, 'channel': os.environ.get('NODE_CHANNEL_FD')}
`,
    });
    expect(expectSuccess(await pool.invokeEvent(fn, Buffer.from('bytes'), 'p-1')).body).toEqual(Buffer.from([0, 255]));
    expect(expectSuccess(await pool.invokeEvent(fn, Buffer.from('str'), 'p-2')).body.toString()).toBe('plain');
    expect(json(await pool.invokeEvent(fn, Buffer.from('{"a":1}'), 'p-3'))).toEqual({
      got: '{"a":1}',
      type: 'bytes',
      channel: null,
    });
  });

  it('passes a binary payload byte for byte', async () => {
    const fn = spec({ 'index.py': 'def handler(event, context):\n    return event.hex()\n' });
    const result = await pool.invokeEvent(fn, Buffer.from([0xff, 0x00, 0x80, 0x0a]), 'bin-1');
    expect(expectSuccess(result).body.toString()).toBe('ff00800a');
  });

  it('keeps the module loaded between invocations of one instance', async () => {
    const fn = spec({
      'index.py': 'count = 0\ndef handler(event, context):\n    global count\n    count += 1\n    return str(count)\n',
    });
    expect(expectSuccess(await pool.invokeEvent(fn, Buffer.alloc(0), 'c-1')).body.toString()).toBe('1');
    expect(expectSuccess(await pool.invokeEvent(fn, Buffer.alloc(0), 'c-2')).body.toString()).toBe('2');
  });

  it('turns the returned dict into the HTTP response', async () => {
    const fn = spec({
      'index.py': `import json
def handler(event, context):
    req = json.loads(event)
    return {'statusCode': 201, 'headers': {'x-path': req['rawPath']}, 'body': 'hi ' + req['requestContext']['http']['method']}
`,
    });
    const result = expectSuccess(await pool.invokeHttp(fn, httpRequest({ method: 'PATCH', rawPath: '/p' })));
    expect(result.statusCode).toBe(201);
    expect(result.headers).toContainEqual(['x-path', '/p']);
    expect(result.body.toString()).toBe('hi PATCH');
  });

  it('says which handler is missing, and what cannot be returned', async () => {
    const noModule = spec({ 'main.py': 'def handler(e, c):\n    return 1\n' });
    expect(expectFailure(await pool.invokeEvent(noModule, Buffer.alloc(0), 'h-1'))).toMatchObject({
      error: 'HandlerNotFound',
      message: expect.stringContaining('index.py'),
    });
    const noFunction = spec({ 'index.py': 'def other(e, c):\n    return 1\n' });
    expect(expectFailure(await pool.invokeEvent(noFunction, Buffer.alloc(0), 'h-2')).error).toBe('HandlerNotFound');
    const unserializable = spec({ 'index.py': 'def handler(e, c):\n    return {"s": {1, 2}}\n' });
    expect(expectFailure(await pool.invokeEvent(unserializable, Buffer.alloc(0), 'h-3')).error).toBe('BadResponse');
  });

  it('reports a syntax error in the code as UnhandledInvocationError with the error type', async () => {
    const fn = spec({ 'index.py': 'def handler(e, c)\n    return 1\n' });
    const failure = expectFailure(await pool.invokeEvent(fn, Buffer.alloc(0), 's-1'));
    expect(failure).toMatchObject({ error: 'UnhandledInvocationError', errorType: 'SyntaxError' });
    expect(failure.logs).toContain('SyntaxError');
  });

  it('ends the instance when the handler exits the process, and answers as FC does', async () => {
    const fn = spec({ 'index.py': 'import sys\ndef handler(e, c):\n    sys.exit(3)\n' });
    const failure = expectFailure(await pool.invokeEvent(fn, Buffer.alloc(0), 'x-1'));
    expect(failure.error).toBe('FunctionExited');
    expect(failure.message).toContain('exit code 3');
  });

  it('runs under every Python runtime FC has, not under another language', async () => {
    for (const runtime of ['python3', 'python3.9', 'python3.12']) {
      const fn = spec({ 'index.py': 'def handler(e, c):\n    return "ran"\n' }, { runtime });
      expect(expectSuccess(await pool.invokeEvent(fn, Buffer.alloc(0), `r-${runtime}`)).body.toString()).toBe('ran');
    }
  });
});

describe('the initializer of a Python function', () => {
  const source = `import os
calls = []

def init(context):
    calls.append(context.request_id)
    print('initializing')
    if os.environ.get('FAIL_INIT') == '1':
        raise RuntimeError('init failed')

def handler(event, context):
    return ','.join(calls)
`;

  it('runs once per instance, before its first request, with that request in its context', async () => {
    const fn = spec({ 'index.py': source }, { initializer: 'index.init' });
    const first = expectSuccess(await pool.invokeEvent(fn, Buffer.alloc(0), 'i-1'));
    expect(first.body.toString()).toBe('i-1');
    expect(first.logs).toContain('initializing');
    const second = expectSuccess(await pool.invokeEvent(fn, Buffer.alloc(0), 'i-2'));
    expect(second.body.toString()).toBe('i-1');
    expect(second.logs).not.toContain('initializing');
  });

  it('fails the request when it fails, with its error, and runs again for the next one', async () => {
    const fn = spec({ 'index.py': source }, { initializer: 'index.init', environmentVariables: { FAIL_INIT: '1' } });
    const failure = expectFailure(await pool.invokeEvent(fn, Buffer.alloc(0), 'f-1'));
    expect(failure).toMatchObject({
      error: 'UnhandledInvocationError',
      errorType: 'RuntimeError',
      message: 'init failed',
    });
    expect(failure.logs).toContain('in init');
    const again = expectFailure(await pool.invokeEvent(fn, Buffer.alloc(0), 'f-2'));
    expect(again.logs).toContain('initializing');
  });

  it('that is missing is HandlerNotFound', async () => {
    const fn = spec({ 'index.py': source }, { initializer: 'index.setup' });
    expect(expectFailure(await pool.invokeEvent(fn, Buffer.alloc(0), 'm-1')).error).toBe('HandlerNotFound');
  });
});
