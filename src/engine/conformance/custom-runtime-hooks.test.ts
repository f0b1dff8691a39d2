import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import { ANONYMOUS, call, deployTrigger, startHarness, uniqueName, type Harness, type Reply } from './harness';

// FC's lifecycle hooks on a custom runtime, seen over HTTP: `POST /initialize` before an instance's
// first request (until it succeeds), `GET /pre-stop` when the instance is reclaimed. The function's
// server tells what it saw; its pre-stop reports to a server of the test's own.
let h: Harness;
let heard: string[] = [];
let reporter: http.Server;
let reportUrl = '';
beforeAll(async () => {
  // These tests follow one instance across connections: one gateway process (decision 044).
  h = await startHarness({}, { gateways: 1 });
  reporter = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => (heard.push(body), res.end()));
  });
  await new Promise<void>((resolve) => reporter.listen(0, '127.0.0.1', resolve));
  reportUrl = `http://127.0.0.1:${(reporter.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await h.close();
  reporter.close();
});

// An answer that never ends: the engine reads only the start it uses (1 KB of a failure's message), never to the end.
const ENDLESS = `res.on('error', () => {});
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => { while (!res.destroyed && res.write(chunk)); };
    res.on('drain', pump);
    pump();`;

// The pre-stop of most tests: report to the test's server, then answer.
const REPORT_PRE_STOP = `fetch(${JSON.stringify('REPORT')}, { method: 'POST', body: req.method + ' pre-stop ' + process.env.FC_INSTANCE_ID })
      .finally(() => res.end('bye'));`;

/**
 * Answers what its initializer saw; `INIT` is the body of its `/initialize` route, given `inits`
 * (its runs so far, this one counted) and `res`; `preStop` that of its `/pre-stop` route (by default it
 * reports to the test's server and answers).
 */
function server(init: string, preStop = REPORT_PRE_STOP): string {
  return `let inits = 0; let seen = {};
require('node:http').createServer((req, res) => {
  if (req.url === '/initialize') {
    inits++;
    seen = { method: req.method, requestId: req.headers['x-fc-request-id'], controlPath: req.headers['x-fc-control-path'] };
    console.log('initializing for', seen.requestId);
    ${init}
    return;
  }
  if (req.url === '/pre-stop') {
    ${preStop}
    return;
  }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ inits, seen, instance: process.env.FC_INSTANCE_ID }));
}).listen(Number(process.env.FC_SERVER_PORT), '127.0.0.1');
`;
}

type Hook = { handler: string; timeout?: number };
type Hooks = { initializer?: Hook; preStop?: Hook };
type Answer = { inits: number; seen: { method?: string; requestId?: string; controlPath?: string }; instance: string };

async function deploy(source: string, hooks: Hooks, timeout = 10) {
  const functionName = uniqueName('crhooks');
  await h.client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName,
        runtime: 'custom.debian12',
        handler: 'index.handler',
        timeout,
        customRuntimeConfig: new $FC.CustomRuntimeConfig({ command: ['node'], args: ['server.js'] }),
        code: new $FC.InputCodeLocation({
          zipFile: zipBase64({ 'server.js': source.replaceAll('REPORT', reportUrl) }),
        }),
        instanceLifecycleConfig: new $FC.InstanceLifecycleConfig({
          ...(hooks.initializer ? { initializer: new $FC.LifecycleHook(hooks.initializer) } : {}),
          ...(hooks.preStop ? { preStop: new $FC.LifecycleHook(hooks.preStop) } : {}),
        }),
      }),
    }),
  );
  return deployTrigger(h, functionName, ANONYMOUS);
}

const TAIL = { headers: { 'x-fc-log-type': 'Tail' } };
const logsOf = (reply: Reply) => Buffer.from(String(reply.headers['x-fc-log-result']), 'base64').toString();

function expectFunctionError(reply: Reply, code: string, message: string) {
  expect(reply.status).toBe(502);
  expect(reply.headers['x-fc-error-type']).toBe(code);
  expect(reply.json()).toMatchObject({ Code: code, Message: message, RequestId: reply.headers['x-fc-request-id'] });
}

describe("a custom runtime's initializer", () => {
  it('is POST /initialize with the first request id, once per instance, its logs in that request', async () => {
    const { urlInternet } = await deploy(server(`res.end('ok');`), { initializer: { handler: 'any', timeout: 5 } });
    const first = await call(urlInternet, TAIL);
    expect(first.status).toBe(200);
    const answer = first.json<Answer>();
    expect(answer.inits).toBe(1);
    expect(answer.seen).toEqual({
      method: 'POST',
      requestId: first.headers['x-fc-request-id'],
      controlPath: '/initialize',
    });
    expect(logsOf(first)).toContain(`initializing for ${first.headers['x-fc-request-id']}`);
    for (let i = 0; i < 2; i++) {
      const next = await call(urlInternet, TAIL);
      expect(next.json<Answer>()).toMatchObject({ inits: 1, instance: answer.instance });
      expect(logsOf(next)).not.toContain('initializing');
    }
  });

  it('that answers a failure fails that request with what it said, and runs again with the next', async () => {
    const { urlInternet } = await deploy(
      server(`if (inits === 1) { res.statusCode = 404; res.end('no database yet'); } else res.end('ok');`),
      { initializer: { handler: 'any' } },
    );
    expectFunctionError(await call(urlInternet), 'UnhandledInvocationError', 'no database yet');
    const second = await call(urlInternet);
    expect(second.status).toBe(200);
    expect(second.json<Answer>().inits).toBe(2);
  });

  it('that runs past its own timeout fails with FunctionTimeout, and the next request runs it again', async () => {
    const { urlInternet } = await deploy(
      server(`/* never answers */`),
      { initializer: { handler: 'any', timeout: 1 } },
      30,
    );
    for (let i = 0; i < 2; i++) {
      const reply = await call(urlInternet, TAIL);
      expectFunctionError(reply, 'FunctionTimeout', 'Function initialization timed out after 1 seconds');
      expect(logsOf(reply)).toContain(`initializing for ${reply.headers['x-fc-request-id']}`);
    }
  });

  it('that succeeds with an endless answer initializes the instance', async () => {
    const { urlInternet } = await deploy(server(`res.writeHead(200); ${ENDLESS}`), { initializer: { handler: 'any' } });
    for (let i = 0; i < 2; i++) {
      const reply = await call(urlInternet);
      expect(reply.status).toBe(200);
      expect(reply.json<Answer>().inits).toBe(1);
    }
  });

  it('that fails with an endless answer fails that request with its first 1 KB, and runs again with the next', async () => {
    const { urlInternet } = await deploy(
      server(`if (inits === 1) { res.writeHead(500); res.write('no database yet '); ${ENDLESS} } else res.end('ok');`),
      { initializer: { handler: 'any' } },
    );
    expectFunctionError(
      await call(urlInternet),
      'UnhandledInvocationError',
      `no database yet ${'x'.repeat(1024 - 16)}`,
    );
    const second = await call(urlInternet);
    expect(second.status).toBe(200);
    expect(second.json<Answer>().inits).toBe(2);
  });

  it('is not called when the function has none', async () => {
    const { urlInternet } = await deploy(server(`res.end('ok');`), {});
    expect((await call(urlInternet)).json<Answer>().inits).toBe(0);
  });
});

/** Deploys the function anew: its next request is served by a new instance. Answers the old one's id. */
async function servedByANewInstance(functionName: string, urlInternet: string): Promise<string> {
  const old = (await call(urlInternet)).json<Answer>().instance;
  await h.client.updateFunction(
    functionName,
    new $FC.UpdateFunctionRequest({
      body: new $FC.UpdateFunctionInput({ environmentVariables: { REVISION: String(Date.now()) } }),
    }),
  );
  const next = await call(urlInternet);
  expect(next.status).toBe(200);
  expect(next.json<Answer>().instance).not.toBe(old);
  return old;
}

describe("a custom runtime's preStop", () => {
  it('is GET /pre-stop on the old instance when a new deployment reclaims it', async () => {
    heard = [];
    const { urlInternet, functionName } = await deploy(server(`res.end('ok');`), {
      preStop: { handler: 'any', timeout: 5 },
    });
    const old = await servedByANewInstance(functionName, urlInternet);
    await vi.waitFor(() => expect(heard).toContain(`GET pre-stop ${old}`), { timeout: 10_000, interval: 100 });
  });

  it('that answers without end still runs, and the new instance serves', async () => {
    heard = [];
    const preStop = `fetch(${JSON.stringify('REPORT')}, { method: 'POST', body: 'endless pre-stop ' + process.env.FC_INSTANCE_ID })
      .finally(() => { res.writeHead(200); ${ENDLESS} });`;
    const source = server(`res.end('ok');`, preStop);
    const { urlInternet, functionName } = await deploy(source, { preStop: { handler: 'any', timeout: 5 } });
    const old = await servedByANewInstance(functionName, urlInternet);
    await vi.waitFor(() => expect(heard).toContain(`endless pre-stop ${old}`), { timeout: 10_000, interval: 100 });
  });
});
