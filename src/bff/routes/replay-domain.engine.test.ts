import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBffApp, type TestBffApp } from '../../../mocks/bff-in-process';
import { callApi } from '../../../mocks/use-mock-fc';
// eslint-disable-next-line import-x/no-restricted-paths -- a replay must meet the real gateway's domain routing and auth; the bff itself reaches the engine only over HTTP
import { startHarness, type Harness } from '../../engine/conformance/harness';
import { localConnection } from '../connection';
import { sendHttp } from '../test-function/send-http';

// Replay of a request that came through a custom domain, against the real engine: sent to the domain's
// name on the engine's port, with the credentials of the domain's own auth (a signature here).
let harness: Harness;
let app: TestBffApp;
const DOMAIN = 'replay.example.localhost';
const WILDCARD = '*.wild.example.localhost';
const OTHERS = 'others.example.localhost';
/** Stored as the user wrote it; a client's Host (and so the recording) names it in lower case. */
const MIXED = 'Mixed.Example.localhost';

beforeAll(async () => {
  harness = await startHarness();
  const { engine } = harness;
  const { accessKeyId, accessKeySecret, accountId } = engine.credentials;
  app = createTestBffApp(
    localConnection({ endpoint: `127.0.0.1:${engine.port}`, accessKeyId, accessKeySecret, accountId }),
  );
  const created = await callApi(app, 'POST', '/api/functions', { functionName: 'shop', template: 'nodejs-event-http' });
  expect(created.status, created.text).toBe(201);
  const domain = await callApi(app, 'POST', '/api/custom-domains', {
    domainName: DOMAIN,
    protocol: 'HTTP',
    authConfig: { authType: 'function' },
    routeConfig: { routes: [{ path: '/*', functionName: 'shop', qualifier: 'LATEST' }] },
  });
  expect(domain.status, domain.text).toBe(201);
  const other = await callApi(app, 'POST', '/api/functions', { functionName: 'other', template: 'nodejs-event-http' });
  expect(other.status, other.text).toBe(201);
  for (const [domainName, functionName] of [
    [WILDCARD, 'shop'],
    [MIXED, 'shop'],
    [OTHERS, 'other'],
  ] as const) {
    const made = await callApi(app, 'POST', '/api/custom-domains', {
      domainName,
      protocol: 'HTTP',
      authConfig: { authType: 'anonymous' },
      routeConfig: {
        routes: [
          { path: '/shop/*', functionName: 'shop', qualifier: 'LATEST' },
          { path: '/*', functionName, qualifier: 'LATEST' },
        ],
      },
    });
    expect(made.status, made.text).toBe(201);
  }
});

afterAll(() => harness.close());

const request = { kind: 'http', method: 'POST', path: '/orders', query: [], headers: [], bodyType: 'text', body: 'x' };

describe('Replay through a custom domain on the real engine', () => {
  it('reaches the function the domain routes to, signed by the console where a client without credentials is refused', async () => {
    const unsigned = await sendHttp({
      url: new URL(`http://${DOMAIN}:${harness.engine.port}/orders`),
      method: 'POST',
      headers: {},
      body: Buffer.from('x'),
    });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.toString()).toContain('MissingRequiredHeader');

    const res = await callApi(app, 'POST', '/api/functions/shop/invocations', {
      mode: 'sync',
      domainName: DOMAIN,
      request,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 200, target: `POST http://${DOMAIN}:${harness.engine.port}/orders` });
  });

  it('answers 404 for a domain that does not exist', async () => {
    const res = await callApi(app, 'POST', '/api/functions/shop/invocations', {
      mode: 'sync',
      domainName: 'gone.example.localhost',
      request,
    });
    expect(res.status).toBe(404);
  });

  /** The gateway serves `host` to a client directly; then the console replays through it. */
  async function replayServedHost(host: string) {
    const direct = await sendHttp({
      url: new URL(`http://${host}:${harness.engine.port}/orders`),
      method: 'GET',
      headers: {},
    });
    expect(direct.status, direct.body.toString()).toBe(200);
    return callApi(app, 'POST', '/api/functions/shop/invocations', { mode: 'sync', domainName: host, request });
  }

  it('reaches a host a wildcard domain serves from several levels up, as the gateway routes it', async () => {
    const host = 'a.b.wild.example.localhost';
    const res = await replayServedHost(host);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 200, target: `POST http://${host}:${harness.engine.port}/orders` });
  });

  it("refuses to send one function's replay where the domain routes its path to another function", async () => {
    const res = await callApi(app, 'POST', '/api/functions/shop/invocations', {
      mode: 'sync',
      domainName: OTHERS,
      request,
    });
    expect(res.status, res.text).toBe(409);
    expect(res.body).toMatchObject({ code: 'DomainRoutesElsewhere' });
    expect(res.text).toContain(OTHERS);
    const history = await callApi(app, 'GET', '/api/functions/shop/invocations');
    expect(JSON.stringify(history.body)).not.toContain(OTHERS);
  });

  it('sends it where the same domain routes the path to this function', async () => {
    const res = await callApi(app, 'POST', '/api/functions/shop/invocations', {
      mode: 'sync',
      domainName: OTHERS,
      request: { ...request, path: '/shop/orders' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 200, target: `POST http://${OTHERS}:${harness.engine.port}/shop/orders` });
  });

  it('finds a domain stored with capitals from the lower-case name a client called it by', async () => {
    const host = MIXED.toLowerCase();
    const res = await replayServedHost(host);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 200 });
  });
});
