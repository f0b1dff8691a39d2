import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import { call, deployHttp, startHarness, type Harness } from './harness';

// FC_ENGINE_GATEWAYS=2 (decision 044): each `call` opens a connection of its own, and connections are
// dealt in turn, so a few calls in a row reach both processes. A config change made through the
// OpenAPI must apply to the very next request, whichever process serves it: the primary tells the
// gateway processes before it answers the call that wrote it.
const answering = (body: string) => ({
  files: { 'index.js': `exports.handler = async () => ({ statusCode: 200, body: ${JSON.stringify(body)} });` },
  handler: 'index.handler',
});
const fourInTurn = async (send: () => Promise<{ status: number; text: string }>) => {
  const replies = [];
  for (let i = 0; i < 4; i++) replies.push(await send());
  return replies.map(
    (reply) => `${reply.status} ${reply.text.startsWith('{') ? JSON.parse(reply.text).Code : reply.text}`,
  );
};

describe('an engine with two gateway processes, its config changed through the OpenAPI', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness({}, { gateways: 2 })), 60_000);
  afterAll(() => h.close());

  it("applies a trigger's new methods and the function's new code to the very next request in either process", async () => {
    const { functionName, triggerName, urlInternet } = await deployHttp(h, answering('one'), {
      methods: ['GET'],
      authType: 'anonymous',
    });
    expect(await fourInTurn(() => call(urlInternet))).toEqual(Array(4).fill('200 one'));

    await h.client.updateTrigger(
      functionName,
      triggerName,
      new $FC.UpdateTriggerRequest({
        body: new $FC.UpdateTriggerInput({
          triggerConfig: JSON.stringify({ methods: ['POST'], authType: 'anonymous' }),
        }),
      }),
    );
    expect(await fourInTurn(() => call(urlInternet))).toEqual(Array(4).fill('403 MethodNotAllowed'));

    await h.client.updateFunction(
      functionName,
      new $FC.UpdateFunctionRequest({
        body: new $FC.UpdateFunctionInput({
          code: new $FC.InputCodeLocation({ zipFile: zipBase64(answering('two').files) }),
        }),
      }),
    );
    expect(await fourInTurn(() => call(urlInternet, { method: 'POST', body: 'x' }))).toEqual(Array(4).fill('200 two'));
  });

  it('runs every function sandboxed as the primary does, whichever process serves it', async (context) => {
    if (!h.engine.sandbox.isolated) return context.skip();
    const secret = path.join(h.dataDir, 'credentials.json');
    const { urlInternet } = await deployHttp(h, {
      files: {
        'index.js': `exports.handler = async () => ({ body: String(require('fs').existsSync(${JSON.stringify(secret)})) });`,
      },
      handler: 'index.handler',
    });
    expect(await fourInTurn(() => call(urlInternet))).toEqual(Array(4).fill('200 false'));
  });

  it('leaves a Ctrl-C to the primary: the gateway process goes on serving until the engine closes it', async () => {
    const [gateway] = h.engine.gatewayPids;
    const { urlInternet } = await deployHttp(h, answering('still here'));
    process.kill(gateway!, 'SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(() => process.kill(gateway!, 0)).not.toThrow();
    expect(await fourInTurn(() => call(urlInternet))).toEqual(Array(4).fill('200 still here'));
  });

  it('stops serving a deleted trigger at once in either process', async () => {
    const { functionName, triggerName, urlInternet } = await deployHttp(h, answering('here'));
    expect(await fourInTurn(() => call(urlInternet))).toEqual(Array(4).fill('200 here'));
    await h.client.deleteTrigger(functionName, triggerName);
    expect(await fourInTurn(() => call(urlInternet))).toEqual(Array(4).fill('404 TriggerNotFound'));
  });
});
