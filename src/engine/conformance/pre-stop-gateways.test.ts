import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import { startReportListener, type ReportListener } from './testing/report-listener';
import { ANONYMOUS, call, deployTrigger, startHarness, uniqueName, type Harness } from './harness';

// FC_ENGINE_GATEWAYS=2 (decision 044): each process has its own instances. A new deployment retires
// the old revision's instances in every process at once, so each runs its preStop hook without
// waiting for a request to reach that process or for its idle timeout.
let h: Harness;
let listener: ReportListener;
let reportUrl = '';
beforeAll(async () => {
  h = await startHarness({}, { gateways: 2 });
  listener = await startReportListener();
  reportUrl = listener.url;
}, 60_000);
afterAll(async () => {
  await h.close();
  listener.close();
});

it('a new deployment runs the preStop hook of the old instances of both gateway processes, with no request', async () => {
  listener.heard.length = 0;
  const functionName = uniqueName('prestop-both');
  const code = `exports.handler = async () => ({ body: process.env.FC_INSTANCE_ID });
exports.preStop = async () => { await fetch(${JSON.stringify(reportUrl)}, { method: 'POST', body: 'stopped ' + process.env.FC_INSTANCE_ID }); };`;
  await h.client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName,
        runtime: 'nodejs20',
        handler: 'index.handler',
        code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.js': code }) }),
        instanceLifecycleConfig: new $FC.InstanceLifecycleConfig({
          preStop: new $FC.LifecycleHook({ handler: 'index.preStop', timeout: 5 }),
        }),
      }),
    }),
  );
  const { urlInternet } = await deployTrigger(h, functionName, ANONYMOUS);
  // Each call opens a connection of its own, dealt in turn: two in a row reach both processes,
  // whose warm instances differ.
  const served = [(await call(urlInternet)).text, (await call(urlInternet)).text];
  expect(new Set(served).size).toBe(2);
  expect(listener.heard).toEqual([]);

  await h.client.updateFunction(
    functionName,
    new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ environmentVariables: { REVISION: '2' } }) }),
  );
  await vi.waitFor(() => expect(listener.heard.sort()).toEqual(served.map((id) => `stopped ${id}`).sort()), {
    timeout: 10_000,
    interval: 100,
  });
});
