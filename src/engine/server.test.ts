import fs from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest as rawSocketRequest, requestHead } from './conformance/testing/raw-socket';
import { credentialsPath } from './credentials';
import type { RunningEngine } from './server';
import {
  $FC,
  createFunction,
  createHttpTrigger,
  sdkClient,
  sdkError,
  startTestEngine,
  stopTestEngine,
  tempDataDir,
} from './openapi/testing/engine-kit';

const engines: RunningEngine[] = [];
async function start(...args: Parameters<typeof startTestEngine>) {
  const engine = await startTestEngine(...args);
  engines.push(engine);
  return engine;
}
afterEach(async () => {
  for (const engine of engines.splice(0)) await stopTestEngine(engine);
});

/** A raw request with a chosen Host header, as curl would send to a trigger URL. */
function rawRequest(
  port: number,
  host: string,
  path = '/',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

describe('the engine server', () => {
  it('refuses a request signed with the wrong secret: SignatureNotMatch, 403', async () => {
    const engine = await start();
    const error = await sdkError(createFunction(sdkClient(engine, 'not-the-secret-000000000000000'), 'fn'));
    expect(error).toMatchObject({ statusCode: 403, code: 'SignatureNotMatch' });
    expect(error.message).not.toContain(engine.credentials.accessKeySecret);
  });

  it('answers an unsigned request with a JSON MissingRequiredHeader and a request id', async () => {
    const engine = await start();
    const res = await fetch(`${engine.url}/2023-03-30/functions`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { Code: string; RequestId: string };
    expect(body.Code).toBe('MissingRequiredHeader');
    expect(body.RequestId).toBe(res.headers.get('x-fc-request-id'));
  });

  it('refuses an OpenAPI request that names two hosts, whichever comes first', async () => {
    const engine = await start();
    for (const hosts of [
      [`127.0.0.1:${engine.port}`, `abc-defghijklm.cn-hangzhou.fcapp.localhost:${engine.port}`],
      [`127.0.0.1:${engine.port}`, `127.0.0.1:${engine.port}`],
    ]) {
      const head = requestHead('/2023-03-30/functions', [...hosts.map((h) => `Host: ${h}`), 'Connection: close']);
      const reply = await rawSocketRequest(engine.port, head);
      expect(reply.status).toBe(400);
      expect(reply.json()).toMatchObject({ Code: 'InvalidArgument', Message: expect.stringContaining('Host') });
    }
  });

  it('sends *.fcapp.localhost hosts to the trigger handler, with the engine it runs in', async () => {
    const engine = await start({
      onTriggerRequest: (req, res, ctx) => {
        res.end(
          `${req.headers.host} via ${ctx.region}:${ctx.port} ${ctx.store.findTriggerByUrlLabel('x') === undefined}`,
        );
      },
    });
    const res = await rawRequest(engine.port, `abc-defghijklm.cn-hangzhou.fcapp.localhost:${engine.port}`, '/hi');
    expect(res.body).toBe(
      `abc-defghijklm.cn-hangzhou.fcapp.localhost:${engine.port} via cn-hangzhou:${engine.port} true`,
    );
  });

  it('answers 404 TriggerNotFound for a trigger host when no gateway is attached', async () => {
    const engine = await start();
    const res = await rawRequest(engine.port, 'abc-defghijklm.cn-hangzhou.fcapp.localhost');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ Code: 'TriggerNotFound', RequestId: res.headers['x-fc-request-id'] });
  });

  it('mounts OpenAPI extensions behind the signature check', async () => {
    const engine = await start({
      openApiExtensions: [
        (api) =>
          api.post('/2023-03-30/functions/:functionName/invocations', (c) =>
            c.text(`${c.req.param('functionName')} got ${new TextDecoder().decode(c.get('rawBody'))}`),
          ),
      ],
    });
    const invoke = (secret?: string) =>
      sdkClient(engine, secret).invokeFunction(
        'fn',
        new $FC.InvokeFunctionRequest({ body: Readable.from([Buffer.from('ping')]) }),
      );
    const res = await invoke();
    const chunks: Buffer[] = [];
    for await (const chunk of res.body as Readable) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString()).toBe('fn got ping');
    expect(await sdkError(invoke('wrong-secret-0000000000000000000'))).toMatchObject({ code: 'SignatureNotMatch' });
  });

  it('keeps functions, triggers and keys across a restart on the same data dir', async () => {
    const dataDir = tempDataDir();
    const first = await startTestEngine({ dataDir });
    await createFunction(sdkClient(first), 'kept');
    const trigger = (await createHttpTrigger(sdkClient(first), 'kept', 'http')).body!;
    const keys = first.credentials;
    await first.close();
    expect(fs.statSync(credentialsPath(dataDir)).mode & 0o777).toBe(0o600);

    const second = await start({ dataDir });
    expect(second.credentials).toEqual(keys);
    const client = sdkClient(second);
    expect((await client.getFunction('kept', new $FC.GetFunctionRequest({}))).body?.functionName).toBe('kept');
    const again = (await client.getTrigger('kept', 'http')).body!;
    const label = (url?: string) => url?.split('.')[0];
    expect(label(again.httpTrigger?.urlInternet)).toBe(label(trigger.httpTrigger?.urlInternet));
  });
});
