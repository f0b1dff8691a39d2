import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import { ANONYMOUS, call, deployTrigger, startHarness, uniqueName, type Harness, type Reply } from './harness';

// FC's initializer hook on Node.js event functions, seen through an HTTP trigger: it runs once per
// instance before the first request, and one that fails is run again with the next request.
let h: Harness;
// An instance's memory and identity are its gateway process's: these tests follow one instance across
// connections, so they run with one process (decision 044), whatever FC_ENGINE_GATEWAYS says.
beforeAll(async () => (h = await startHarness({}, { gateways: 1 })));
afterAll(() => h.close());

type Hook = { handler: string; timeout?: number };

async function deployWithInitializer(source: string, initializer: Hook, timeout = 10, runtime = 'nodejs20') {
  const functionName = uniqueName('init');
  await h.client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName,
        runtime,
        handler: 'index.handler',
        timeout,
        code: new $FC.InputCodeLocation({
          zipFile: zipBase64({ [runtime.startsWith('python') ? 'index.py' : 'index.js']: source }),
        }),
        instanceLifecycleConfig: new $FC.InstanceLifecycleConfig({ initializer: new $FC.LifecycleHook(initializer) }),
      }),
    }),
  );
  return deployTrigger(h, functionName, ANONYMOUS);
}

const TAIL = { headers: { 'x-fc-log-type': 'Tail' } };
const logsOf = (reply: Reply) => Buffer.from(String(reply.headers['x-fc-log-result']), 'base64').toString();

function expectFunctionError(reply: Reply, code: string) {
  expect(reply.status).toBe(502);
  expect(reply.headers['x-fc-error-type']).toBe(code);
  expect(reply.json()).toMatchObject({ Code: code, RequestId: reply.headers['x-fc-request-id'] });
}

/** Counts its initializer's runs; answers the count, what it set, and its instance. */
const COUNTING = `let runs = 0; let greeting;
exports.handler = async () => ({ body: [runs, greeting, process.env.FC_INSTANCE_ID].join(' ') });`;

describe('a Node.js initializer', () => {
  it('sets state the handler answers, once per instance, its logs in the first request', async () => {
    const { urlInternet } = await deployWithInitializer(
      `${COUNTING}
exports.initialize = (context, callback) => {
  runs++;
  console.log('initializer ran for', context.requestId);
  setTimeout(() => { greeting = 'hello'; callback(null, ''); }, 50);
};`,
      { handler: 'index.initialize', timeout: 5 },
    );
    const first = await call(urlInternet, TAIL);
    expect(first.status).toBe(200);
    const [runs, greeting, instance] = first.text.split(' ');
    expect([runs, greeting]).toEqual(['1', 'hello']);
    expect(logsOf(first)).toContain(`initializer ran for ${first.headers['x-fc-request-id']}`);
    for (let i = 0; i < 3; i++) {
      const next = await call(urlInternet, TAIL);
      expect(next.text).toBe(`1 hello ${instance}`);
      expect(logsOf(next)).not.toContain('initializer ran');
    }
  });

  it("may be async (context), with FC's context", async () => {
    const { urlInternet } = await deployWithInitializer(
      `${COUNTING}
exports.initialize = async (context) => { runs++; greeting = context.function.name.startsWith('init') ? 'async' : 'x'; };`,
      { handler: 'index.initialize' },
    );
    expect((await call(urlInternet)).text).toMatch(/^1 async /);
  });

  it('that throws fails that request with its error, and is run again with the next', async () => {
    const { urlInternet } = await deployWithInitializer(
      `${COUNTING}
exports.initialize = async () => { runs++; if (runs === 1) throw new Error('no database yet'); greeting = 'ready'; };`,
      { handler: 'index.initialize' },
    );
    const first = await call(urlInternet, TAIL);
    expectFunctionError(first, 'UnhandledInvocationError');
    expect(first.json<{ Message: string }>().Message).toBe('no database yet');
    expect(logsOf(first)).toContain('no database yet');
    const second = await call(urlInternet);
    expect(second.status).toBe(200);
    expect(second.text).toMatch(/^2 ready /);
  });

  it('that passes an error to its callback fails the request the same way', async () => {
    const { urlInternet } = await deployWithInitializer(
      `${COUNTING}
exports.initialize = (context, callback) => { runs++; callback(runs === 1 ? new Error('callback error') : null); };`,
      { handler: 'index.initialize' },
    );
    const first = await call(urlInternet);
    expectFunctionError(first, 'UnhandledInvocationError');
    expect(first.json<{ Message: string }>().Message).toBe('callback error');
    expect((await call(urlInternet)).text).toMatch(/^2 /);
  });

  it('that runs past its own timeout fails with FunctionTimeout; the next request runs it again', async () => {
    const { urlInternet } = await deployWithInitializer(
      `${COUNTING}
exports.initialize = async () => { console.log('initializing'); await new Promise(() => setInterval(() => {}, 1000)); };`,
      { handler: 'index.initialize', timeout: 1 },
      30,
    );
    for (let i = 0; i < 2; i++) {
      const reply = await call(urlInternet, TAIL);
      expectFunctionError(reply, 'FunctionTimeout');
      expect(reply.json<{ Message: string }>().Message).toBe('Function initialization timed out after 1 seconds');
      expect(logsOf(reply)).toContain('initializing');
    }
  });

  it("cannot be stretched by the function's own code posting the runner's phase messages", async () => {
    // The runner shares its process (and its channel to the engine) with the function's code.
    const { urlInternet } = await deployWithInitializer(
      `${COUNTING}
const again = () => { for (let id = 0; id < 8; id++) for (const phase of ['initializer', 'handler']) process.send({ t: 'phase', id, phase }); };
exports.initialize = async () => { again(); await new Promise((done) => setTimeout(done, 1500)); runs++; };
exports.handler = async () => { const keep = setInterval(again, 200); await new Promise((done) => setTimeout(done, 4000)); clearInterval(keep); return { body: 'outlived its timeout' }; };`,
      { handler: 'index.initialize', timeout: 1 },
      2,
    );
    // Each phase is entered once: the clock may move from the initializer's timeout to the handler's, never restart.
    expectFunctionError(await call(urlInternet), 'FunctionTimeout');
  });

  it('that is not exported is HandlerNotFound, naming it', async () => {
    const { urlInternet } = await deployWithInitializer(COUNTING, { handler: 'index.setup' });
    const reply = await call(urlInternet);
    expectFunctionError(reply, 'HandlerNotFound');
    expect(reply.json<{ Message: string }>().Message).toBe('Initializer "setup" is not a function exported by index');
  });

  it('fixed by a new deployment runs on the next request', async () => {
    const broken = `${COUNTING}\nexports.initialize = async () => { throw new Error('broken'); };`;
    const { urlInternet, functionName } = await deployWithInitializer(broken, { handler: 'index.initialize' });
    expectFunctionError(await call(urlInternet), 'UnhandledInvocationError');
    const fixed = `${COUNTING}\nexports.initialize = async () => { runs++; greeting = 'fixed'; };`;
    await h.client.updateFunction(
      functionName,
      new $FC.UpdateFunctionRequest({
        body: new $FC.UpdateFunctionInput({
          code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.js': fixed }) }),
        }),
      }),
    );
    expect((await call(urlInternet)).text).toMatch(/^1 fixed /);
  });
});

describe('a Python initializer', () => {
  it('that fails fails that request, and runs again with the next', async () => {
    const { urlInternet } = await deployWithInitializer(
      `state = {'runs': 0}

def initialize(context):
    state['runs'] += 1
    if state['runs'] == 1:
        raise RuntimeError('not yet')

def handler(event, context):
    return {'body': str(state['runs'])}
`,
      { handler: 'index.initialize', timeout: 1 },
      30,
      'python3.10',
    );
    const first = await call(urlInternet);
    expectFunctionError(first, 'UnhandledInvocationError');
    expect(first.json<{ Message: string }>().Message).toBe('not yet');
    expect((await call(urlInternet)).text).toBe('2');
  });

  it('that runs past its own timeout fails with FunctionTimeout', async () => {
    const { urlInternet } = await deployWithInitializer(
      `import time

def initialize(context):
    time.sleep(30)

def handler(event, context):
    return {'body': 'never'}
`,
      { handler: 'index.initialize', timeout: 1 },
      30,
      'python3.10',
    );
    const reply = await call(urlInternet);
    expectFunctionError(reply, 'FunctionTimeout');
    expect(reply.json<{ Message: string }>().Message).toBe('Function initialization timed out after 1 seconds');
  });
});
