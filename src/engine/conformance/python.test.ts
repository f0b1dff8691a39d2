import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import * as $dara from '@darabonba/typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import {
  ANONYMOUS,
  call,
  deployFunction,
  deployHttp,
  deployTrigger,
  startHarness,
  type FunctionCode,
  type Harness,
  type Reply,
} from './harness';
import { completeLogs } from './testing/complete-logs';

// Python event functions behind an HTTP trigger and through InvokeFunction, as FC runs them.
let h: Harness;
// An instance's memory and identity are its gateway process's: these tests follow one instance across
// connections, so they run with one process (decision 044), whatever FC_ENGINE_GATEWAYS says.
beforeAll(async () => (h = await startHarness({ asyncPollMs: 50 }, { gateways: 1 })));
afterAll(() => h.close());

const python = (source: string, settings: Partial<FunctionCode> = {}): FunctionCode => ({
  runtime: 'python3.10',
  handler: 'index.handler',
  files: { 'index.py': source },
  ...settings,
});

/** Answers what it received, with `?status=` and binary bodies as the test asks. */
const MIRROR = python(`import base64, json

def handler(event, context):
    req = json.loads(event)
    if req['rawPath'] == '/binary':
        return {'statusCode': 200, 'headers': {'content-type': 'application/octet-stream'},
                'isBase64Encoded': True, 'body': base64.b64encode(bytes([0, 1, 254, 255])).decode()}
    return {
        'statusCode': int(req['queryParameters'].get('status', '200')),
        'headers': {'content-type': 'application/json', 'x-answered-by': 'python'},
        'body': json.dumps({'event': req, 'eventType': type(event).__name__}),
    }
`);

const logsOf = (reply: Reply) => Buffer.from(String(reply.headers['x-fc-log-result']), 'base64').toString();

describe('a Python event function behind its HTTP trigger', () => {
  it('answers with the statusCode, headers and body it returns, a base64 body decoded', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR);
    const reply = await call(urlInternet, { path: '/hello?status=201' });
    expect(reply.status).toBe(201);
    expect(reply.headers['x-answered-by']).toBe('python');
    expect(reply.json()).toMatchObject({ eventType: 'bytes' });
    const binary = await call(urlInternet, { path: '/binary' });
    expect(binary.status).toBe(200);
    expect(binary.body).toEqual(Buffer.from([0, 1, 254, 255]));
  });

  it('sees the HTTP trigger event: method, path, query, headers and a binary body in base64', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR);
    const body = Buffer.from([0, 159, 146, 150]);
    const reply = await call(urlInternet, {
      method: 'PUT',
      path: '/items/7?a=1&a=2&b=x',
      headers: { 'content-type': 'application/octet-stream', 'x-custom': 'yes' },
      body,
    });
    const { event } = reply.json<{ event: Record<string, unknown> }>();
    expect(event).toMatchObject({
      version: 'v1',
      rawPath: '/items/7',
      queryParameters: { a: '1,2', b: 'x' },
      headers: { 'X-Custom': 'yes', 'Content-Type': 'application/octet-stream' },
      isBase64Encoded: true,
      body: body.toString('base64'),
      requestContext: {
        requestId: reply.headers['x-fc-request-id'],
        http: { method: 'PUT', path: '/items/7' },
      },
    });
  });

  it("hands the handler FC's Python context: request id, function, credentials, service and a logger", async () => {
    const source = `import json

def handler(event, context):
    context.logger.info('from the context logger')
    return {'body': json.dumps({
        'request_id': context.request_id,
        'function': vars(context.function),
        'credentials': sorted(vars(context.credentials)),
        'service': {'qualifier': context.service.qualifier, 'version_id': context.service.version_id},
        'region': context.region,
        'account_id': context.account_id,
        'same_logger': context.getLogger() is context.logger,
    })}
`;
    const { urlInternet, functionName } = await deployHttp(h, python(source, { memorySize: 256, timeout: 7 }));
    const reply = await call(urlInternet, { headers: { 'x-fc-log-type': 'Tail' } });
    expect(reply.json()).toEqual({
      request_id: reply.headers['x-fc-request-id'],
      function: { name: functionName, handler: 'index.handler', memory: 256, timeout: 7 },
      credentials: ['access_key_id', 'access_key_secret', 'security_token'],
      service: { qualifier: 'LATEST', version_id: 'LATEST' },
      region: 'cn-hangzhou',
      account_id: h.engine.credentials.accountId,
      same_logger: true,
    });
    expect(logsOf(reply)).toMatch(
      new RegExp(
        `\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ${reply.headers['x-fc-request-id']} \\[INFO\\] from the context logger`,
      ),
    );
  });

  it("python3.12's context has version and qualifier on the function and no credentials, as FC's", async () => {
    const source = `import json

def handler(event, context):
    return {'body': json.dumps({'function': vars(context.function), 'credentials': hasattr(context, 'credentials')})}
`;
    const { urlInternet, functionName } = await deployHttp(h, python(source, { runtime: 'python3.12' }));
    expect((await call(urlInternet)).json()).toMatchObject({
      function: { name: functionName, version_id: 'LATEST', qualifier: 'LATEST' },
      credentials: false,
    });
  });

  it('captures print and logging per invocation with the request id, in x-fc-log-result and the complete log', async () => {
    const source = `import logging

def handler(event, context):
    print('printed as is')
    logging.getLogger().warning('a warning')
    logging.info('an info')
    return {'body': 'ok'}
`;
    const { urlInternet, functionName } = await deployHttp(h, python(source));
    const first = await call(urlInternet, { headers: { 'x-fc-log-type': 'Tail' } });
    const requestId = String(first.headers['x-fc-request-id']);
    const logs = logsOf(first);
    expect(logs).toContain(`FC Invoke Start RequestId: ${requestId}\nprinted as is\n`);
    expect(logs).toMatch(new RegExp(`Z ${requestId} \\[WARNING\\] a warning\n.*Z ${requestId} \\[INFO\\] an info\n`));
    expect(logs).toContain(`FC Invoke End RequestId: ${requestId}`);
    const second = await call(urlInternet);
    expect(second.headers['x-fc-log-result']).toBeUndefined();
    const stored = await completeLogs(h, functionName, String(second.headers['x-fc-request-id']));
    expect(stored.logs).toContain('printed as is');
    expect(stored.logs).not.toContain(requestId);
  });

  it('an exception answers 502 UnhandledInvocationError; its type and traceback are in the log', async () => {
    const source = `def handler(event, context):
    return divide(1, 0)

def divide(a, b):
    return a / b
`;
    const { urlInternet } = await deployHttp(h, python(source));
    const reply = await call(urlInternet, { headers: { 'x-fc-log-type': 'Tail' } });
    expect(reply.status).toBe(502);
    expect(reply.headers['x-fc-error-type']).toBe('UnhandledInvocationError');
    expect(reply.json()).toMatchObject({ Code: 'UnhandledInvocationError', Message: 'division by zero' });
    const logs = logsOf(reply);
    expect(logs).toContain('[ERROR] Traceback (most recent call last):');
    expect(logs).toMatch(/File ".*index\.py", line 5, in divide/);
    expect(logs).toContain('ZeroDivisionError: division by zero');
    expect(logs).not.toContain('python-runner');
  });

  it("a handler past its timeout gets FC's timeout answer, and the next request a new instance", async () => {
    const source = `import os, time

def handler(event, context):
    if b'"/sleep"' in event:
        time.sleep(30)
    return {'body': os.environ['FC_INSTANCE_ID']}
`;
    const { urlInternet } = await deployHttp(h, python(source, { timeout: 1 }));
    const before = (await call(urlInternet)).text;
    const reply = await call(urlInternet, { path: '/sleep' });
    expect(reply.status).toBe(502);
    expect(reply.headers['x-fc-error-type']).toBe('FunctionTimeout');
    const after = await call(urlInternet);
    expect(after.status).toBe(200);
    expect(after.text).not.toBe(before);
  });

  it('an asynchronous invocation runs the function and its task succeeds', async () => {
    const source = `def handler(event, context):
    print('async run ' + context.request_id)
    return {'body': 'done'}
`;
    const { urlInternet, functionName } = await deployHttp(h, python(source));
    const reply = await call(urlInternet, { method: 'POST', headers: { 'X-Fc-Invocation-Type': 'Async' }, body: 'x' });
    expect(reply.status).toBe(202);
    const taskId = String(reply.headers['x-fc-async-task-id']);
    await vi.waitFor(
      async () => {
        const task = await h.client.getAsyncTask(functionName, taskId, new $FC.GetAsyncTaskRequest({}));
        expect(task.body?.status).toBe('Succeeded');
      },
      { timeout: 10_000, interval: 100 },
    );
    expect((await completeLogs(h, functionName, taskId)).logs).toContain(`async run ${taskId}`);
  });
});

it('an initializer configured with the SDK runs once per instance, before its first request', async () => {
  const functionName = `py_init_${process.pid}`;
  const source = `import os
state = {'runs': 0}

def initialize(context):
    state['runs'] += 1
    context.logger.info('initializer ran')

def handler(event, context):
    return {'body': '%d %s' % (state['runs'], os.environ['FC_INSTANCE_ID'])}
`;
  await h.client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName,
        runtime: 'python3.10',
        handler: 'index.handler',
        code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.py': source }) }),
        instanceLifecycleConfig: new $FC.InstanceLifecycleConfig({
          initializer: new $FC.LifecycleHook({ handler: 'index.initialize', timeout: 5 }),
        }),
      }),
    }),
  );
  const got = await h.client.getFunction(functionName, new $FC.GetFunctionRequest({}));
  expect(got.body?.instanceLifecycleConfig?.initializer).toMatchObject({ handler: 'index.initialize', timeout: 5 });
  const { urlInternet } = await deployTrigger(h, functionName, ANONYMOUS);
  const first = await call(urlInternet, { headers: { 'x-fc-log-type': 'Tail' } });
  expect(logsOf(first)).toContain('[INFO] initializer ran');
  const second = await call(urlInternet, { headers: { 'x-fc-log-type': 'Tail' } });
  const [runs, instance] = second.text.split(' ');
  expect([runs, instance]).toEqual(['1', first.text.split(' ')[1]]);
  expect(logsOf(second)).not.toContain('initializer ran');
});

describe('a Python event function through InvokeFunction (the SDK)', () => {
  const invoke = (fn: string, payload: string) =>
    h.client.invokeFunctionWithOptions(
      fn,
      new $FC.InvokeFunctionRequest({ body: Readable.from([Buffer.from(payload)]) }),
      new $FC.InvokeFunctionHeaders({ xFcLogType: 'Tail' }),
      new $dara.RuntimeOptions({}),
    );
  const source = `def handler(event, context):
    if event == b'fail':
        raise ValueError('bad input')
    return 'got ' + event.decode()
`;

  it('answers the return value, and an error as {errorMessage, errorType, stackTrace}', async () => {
    const fn = await deployFunction(h, python(source, { runtime: 'python3.9' }));
    const ok = await invoke(fn, 'ping');
    expect(await text(ok.body!)).toBe('got ping');
    const failed = await invoke(fn, 'fail');
    expect(failed.headers!['x-fc-error-type']).toBe('UnhandledInvocationError');
    const error = JSON.parse(await text(failed.body!)) as { stackTrace: string[] };
    expect(error).toMatchObject({ errorMessage: 'bad input', errorType: 'ValueError' });
    expect(error.stackTrace.join('\n')).toMatch(/File ".*index\.py", line 3, in handler/);
  });
});
