import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line import-x/no-restricted-paths -- the engine's conformance harness: SDK and plain HTTP only
import { call, deployTrigger, startHarness, uniqueName, type Harness } from '../../engine/conformance/harness';
// eslint-disable-next-line import-x/no-restricted-paths -- the official SDK's models, as the harness uses them
import { $FC } from '../../engine/openapi/testing/engine-kit';
import { functionFromTemplate } from './function-templates';
import { flaskAvailable } from './testing/flask-available';

// The seeds' web function "taking Flask as an example": the template's function created through
// the official SDK, an HTTP trigger, then `curl <endpoint>/test` and `curl <endpoint>`.
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h?.close());

async function deployFlask(): Promise<string> {
  const fn = functionFromTemplate({ functionName: uniqueName('flask'), template: 'python-flask' });
  await h.client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        ...fn,
        code: new $FC.InputCodeLocation(fn.code),
        customRuntimeConfig: new $FC.CustomRuntimeConfig(fn.customRuntimeConfig),
      }),
    }),
  );
  const { urlInternet } = await deployTrigger(h, fn.functionName, { methods: ['GET'], authType: 'anonymous' });
  return urlInternet;
}

describe.skipIf(!flaskAvailable())('the Python web function (Flask) template', () => {
  it("answers @app.route('/test') at <endpoint>/test and @app.route('/') at the endpoint", async () => {
    const endpoint = await deployFlask();
    const test = await call(endpoint, { path: '/test' });
    expect(test.status).toBe(200);
    expect(test.json()).toEqual({ message: 'Hello from /test', method: 'GET', path: '/test' });
    const root = await call(endpoint);
    expect(root.status).toBe(200);
    expect(root.text).toBe('Hello from Flask on Function Compute!\n');
    // Flask's own answer to a route the app does not define.
    expect((await call(endpoint, { path: '/nowhere' })).status).toBe(404);
  });

  it('runs twice at once: two functions from it, both configured on port 9000, each answer', async () => {
    const [first, second] = await Promise.all([deployFlask(), deployFlask()]);
    const replies = await Promise.all([call(first, { path: '/test' }), call(second, { path: '/test' })]);
    expect(replies.map((reply) => [reply.status, reply.json().path])).toEqual([
      [200, '/test'],
      [200, '/test'],
    ]);
  });
});
