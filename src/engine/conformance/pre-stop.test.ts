import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import { startReportListener, type ReportListener } from './testing/report-listener';
import { ANONYMOUS, call, deployTrigger, startHarness, uniqueName, type Harness } from './harness';

// FC's preStop hook: run when the engine reclaims an instance (a new deployment, shutdown), bounded by
// its timeout, never holding up a request. The hook reports to a server of the test's own.
let h: Harness;
let listener: ReportListener;
let reportUrl = '';
beforeAll(async () => {
  h = await startHarness();
  listener = await startReportListener();
  reportUrl = listener.url;
});
afterAll(async () => {
  await h.close();
  listener.close();
});

type Source = { runtime: string; files: Record<string, string> };

const node = (preStop: string): Source => ({
  runtime: 'nodejs20',
  files: {
    'index.js': `const report = (text) => fetch(${JSON.stringify('REPORT')}, { method: 'POST', body: text });
exports.handler = async () => ({ body: process.env.FC_INSTANCE_ID });
exports.preStop = ${preStop};`,
  },
});

const python = (): Source => ({
  runtime: 'python3.10',
  files: {
    'index.py': `import os, urllib.request

def handler(event, context):
    return {'body': os.environ['FC_INSTANCE_ID']}

def pre_stop(context):
    urllib.request.urlopen(urllib.request.Request('REPORT', data=('stopped ' + os.environ['FC_INSTANCE_ID']).encode()))
`,
  },
});

async function deploy(h: Harness, source: Source, preStop: { handler: string; timeout?: number }) {
  const functionName = uniqueName('prestop');
  const files = Object.fromEntries(
    Object.entries(source.files).map(([k, v]) => [k, v.replaceAll('REPORT', reportUrl)]),
  );
  await h.client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName,
        runtime: source.runtime,
        handler: 'index.handler',
        code: new $FC.InputCodeLocation({ zipFile: zipBase64(files) }),
        instanceLifecycleConfig: new $FC.InstanceLifecycleConfig({ preStop: new $FC.LifecycleHook(preStop) }),
      }),
    }),
  );
  return deployTrigger(h, functionName, ANONYMOUS);
}

/** A new revision: the engine reclaims the idle instances of the old one. */
async function redeploy(engine: Harness, functionName: string) {
  await engine.client.updateFunction(
    functionName,
    new $FC.UpdateFunctionRequest({
      body: new $FC.UpdateFunctionInput({ environmentVariables: { REVISION: String(Date.now()) } }),
    }),
  );
}

describe('a preStop hook', () => {
  it.each([
    ['Node.js', node(`async () => { await report('stopped ' + process.env.FC_INSTANCE_ID); }`), 'index.preStop'],
    ['Python', python(), 'index.pre_stop'],
  ])('runs when a new deployment reclaims a %s instance', async (_name, source, handler) => {
    listener.heard.length = 0;
    const { urlInternet, functionName } = await deploy(h, source, { handler, timeout: 5 });
    const old = (await call(urlInternet)).text;
    await redeploy(h, functionName);
    const next = await call(urlInternet);
    expect(next.status).toBe(200);
    expect(next.text).not.toBe(old);
    await vi.waitFor(() => expect(listener.heard).toContain(`stopped ${old}`), { timeout: 10_000, interval: 100 });
    expect(listener.heard).not.toContain(`stopped ${next.text}`);
  });

  it('that never ends holds up no request', async () => {
    listener.heard.length = 0;
    const hang = `async () => { await report('started'); await new Promise(() => setInterval(() => {}, 1000)); }`;
    const { urlInternet, functionName } = await deploy(h, node(hang), { handler: 'index.preStop', timeout: 60 });
    const old = (await call(urlInternet)).text;
    await redeploy(h, functionName);
    const next = await call(urlInternet);
    expect(next.status).toBe(200);
    expect(next.text).not.toBe(old);
    await vi.waitFor(() => expect(listener.heard).toContain('started'), { timeout: 10_000, interval: 100 });
  });

  it('runs on every instance when the engine shuts down', async () => {
    listener.heard.length = 0;
    const engine = await startHarness();
    try {
      const report = `async () => { await report('stopped ' + process.env.FC_INSTANCE_ID); }`;
      const { urlInternet } = await deploy(engine, node(report), { handler: 'index.preStop', timeout: 5 });
      const instance = (await call(urlInternet)).text;
      await engine.stop();
      expect(listener.heard).toContain(`stopped ${instance}`);
    } finally {
      await engine.close();
    }
  });
});

it('a preStop hook that runs past its timeout is stopped', async () => {
  listener.heard.length = 0;
  const ticking = `async () => { setInterval(() => report('tick'), 100); await new Promise(() => {}); }`;
  const { urlInternet, functionName } = await deploy(h, node(ticking), { handler: 'index.preStop', timeout: 1 });
  await call(urlInternet);
  await redeploy(h, functionName);
  expect((await call(urlInternet)).status).toBe(200);
  await vi.waitFor(() => expect(listener.heard).toContain('tick'), { timeout: 10_000, interval: 100 });
  // Killed after a second, it ticks no more: two looks a second apart see the same count.
  await vi.waitFor(
    async () => {
      const before = listener.heard.length;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(listener.heard.length).toBe(before);
    },
    { timeout: 15_000, interval: 100 },
  );
});

it('runs at most two lingering preStop hooks per function: deploys in a row kill the oldest', async () => {
  listener.heard.length = 0;
  // The lingering bound is per gateway process: three deploys must retire their instances in one.
  const one = await startHarness({}, { gateways: 1 });
  try {
    const ticking = `async () => { setInterval(() => report('tick ' + process.env.FC_INSTANCE_ID), 100); await new Promise(() => {}); }`;
    const { urlInternet, functionName } = await deploy(one, node(ticking), { handler: 'index.preStop', timeout: 600 });
    const instances = [(await call(urlInternet)).text];
    for (let i = 0; i < 3; i++) {
      await redeploy(one, functionName);
      instances.push((await call(urlInternet)).text);
    }
    const [oldest, second, third] = instances as [string, string, string];
    const ticks = (instance: string) => listener.heard.filter((line) => line === `tick ${instance}`).length;
    await vi.waitFor(() => expect(ticks(third)).toBeGreaterThan(0), { timeout: 10_000, interval: 100 });
    // The oldest was killed when the third retired: two looks a second apart see its count unchanged.
    await vi.waitFor(
      async () => {
        const before = [ticks(oldest), ticks(second), ticks(third)];
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(ticks(oldest)).toBe(before[0]);
        expect(ticks(second)).toBeGreaterThan(before[1]!);
        expect(ticks(third)).toBeGreaterThan(before[2]!);
      },
      { timeout: 15_000, interval: 100 },
    );
  } finally {
    await one.close();
  }
});
