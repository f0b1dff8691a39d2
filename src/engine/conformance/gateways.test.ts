import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedRequestsPageSchema, recordedRequestsPath } from '../../contract/recorded-request';
import { getEngineOperation } from '../../contract/engine-operation';
import { $FC, HELLO_ZIP } from '../openapi/testing/engine-kit';
import {
  captureSdkRequest,
  replay,
  sendAfterContinue,
  sendStreamed,
  signedHeaders,
  zeroBytes,
} from '../openapi/testing/raw-openapi-client';
import { processesOf, startEngineProcess } from './engine-process';
import { call, deployHttp, startHarness, uniqueName, type Harness } from './harness';
import { childrenNamed, descendsFrom, isRunning } from './testing/process-tree';

// FC_ENGINE_GATEWAYS=2 (decision 044): the public port's connections are dealt in turn to the
// primary and a gateway process. Each request below opens a connection of its own, so two in a row
// reach both processes; what a user sees must not tell them apart.
const MB = 1024 * 1024;
const CLIENT = '127.0.0.2'; // another loopback address than the internal hop's
const FORGED = { 'x-fc-engine-forwarded': `${randomBytes(32).toString('hex')} 10.9.8.7 4242` };

const SLOW = {
  files: {
    'index.js':
      'exports.handler = async () => { await new Promise((r) => setTimeout(r, 400)); return { statusCode: 200, body: "slow" }; };',
  },
  handler: 'index.handler',
};
/** Answers the client address the engine told the function. */
const SOURCE_IP = {
  files: {
    'index.js':
      'exports.handler = async (event) => ({ statusCode: 200, body: JSON.parse(event.toString()).requestContext.http.sourceIp });',
  },
  handler: 'index.handler',
};

const twice = <T>(send: () => Promise<T>) => Promise.all([send(), send()]);
const inTurn = async <T>(send: () => Promise<T>) => [await send(), await send()];

describe('an engine with two gateway processes', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness({}, { gateways: 2 })), 60_000);
  afterAll(() => h.close());

  it('answers 10 concurrent slow requests on 10 connections, running instances under both processes', async () => {
    expect(h.engine.gatewayPids).toHaveLength(1);
    const { functionName, urlInternet } = await deployHttp(h, SLOW);
    const replies = await Promise.all(Array.from({ length: 10 }, () => call(urlInternet)));
    expect(replies.map((reply) => [reply.status, reply.text])).toEqual(Array(10).fill([200, 'slow']));

    const instances = processesOf(functionName);
    const [gateway] = h.engine.gatewayPids;
    expect(instances.filter((pid) => descendsFrom(pid, gateway!)).length).toBeGreaterThan(0);
    expect(
      instances.filter((pid) => !descendsFrom(pid, gateway!) && descendsFrom(pid, process.pid)).length,
    ).toBeGreaterThan(0);
    // One engine to its users: every instance listed, and the cap counted across both (10 by default).
    const listed = await h.client.listInstances(functionName, new $FC.ListInstancesRequest({}));
    expect(listed.body?.instances).toHaveLength(10);
  });

  it('holds a reserved concurrency of 1 across both: sequential requests all served, concurrent ones throttled', async () => {
    const { functionName, urlInternet } = await deployHttp(h, SLOW);
    await h.client.putConcurrencyConfig(
      functionName,
      new $FC.PutConcurrencyConfigRequest({ body: new $FC.PutConcurrencyInput({ reservedConcurrency: 1 }) }),
    );
    const sequential = [...(await inTurn(() => call(urlInternet))), ...(await inTurn(() => call(urlInternet)))];
    expect(sequential.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    const concurrent = await Promise.all(Array.from({ length: 4 }, () => call(urlInternet)));
    expect(concurrent.map((reply) => reply.status).sort()).toEqual([200, 429, 429, 429]);
  });

  it('serves the OpenAPI on either process: CreateFunction with a code zip, then GetFunction', async () => {
    const names = [uniqueName('api'), uniqueName('api')];
    const creates = await Promise.all(
      names.map((functionName) =>
        captureSdkRequest(h.engine, (client) =>
          client.createFunction(
            new $FC.CreateFunctionRequest({
              body: new $FC.CreateFunctionInput({
                functionName,
                runtime: 'nodejs20',
                handler: 'index.handler',
                code: new $FC.InputCodeLocation({ zipFile: HELLO_ZIP }),
              }),
            }),
          ),
        ),
      ),
    );
    for (const created of await inTurn(async () => replay(h.engine, creates.shift()!)))
      expect(created).toMatchObject({ status: 200 });

    // A signature's nonce is used once: each GetFunction is signed anew.
    const getFunction = () =>
      captureSdkRequest(h.engine, (client) => client.getFunction(names[0]!, new $FC.GetFunctionRequest({})));
    const gets = await inTurn(async () => replay(h.engine, await getFunction()));
    expect(gets.map((reply) => [reply.status, reply.body])).toEqual(
      Array(2).fill([200, expect.objectContaining({ functionName: names[0], runtime: 'nodejs20' })]),
    );
  });

  it('answers a 7 MB body to a 6 MB OpenAPI route early on either process, and creates nothing', async () => {
    const { functionName } = await deployHttp(h, SLOW);
    const route = `/2023-03-30/functions/${functionName}/triggers`;
    const headers = () => signedHeaders(h.engine, { method: 'POST', path: route, body: new Uint8Array() });
    const replies = await inTurn(() =>
      sendStreamed(h.engine, { method: 'POST', path: route, headers: headers(), chunks: zeroBytes(7 * MB) }),
    );
    for (const reply of replies) expect(reply).toMatchObject({ status: 400, body: { Code: 'EntityTooLarge' } });
    const triggers = await h.client.listTriggers(functionName, new $FC.ListTriggersRequest({}));
    expect(triggers.body?.triggers?.map((t) => t.triggerName)).toHaveLength(1);
  });

  it('gives a function the client address on either process, a forged forwarding header changing nothing', async () => {
    const { functionName, urlInternet } = await deployHttp(h, SOURCE_IP);
    const replies = await inTurn(() => call(urlInternet, { localAddress: CLIENT, headers: FORGED }));
    expect(replies.map((reply) => [reply.status, reply.text])).toEqual(Array(2).fill([200, CLIENT]));
    // Recorded by the process that served each, kept by the primary, and seen at once.
    const body = await getEngineOperation(h.client, 'ListRecordedRequests', recordedRequestsPath(functionName), {});
    const rows = recordedRequestsPageSchema.parse(body).requests;
    expect(rows.map((row) => [row.status, row.sourceIp]).sort()).toEqual(Array(2).fill([200, CLIENT]));
  });

  it('records the async invocations either process takes alike, with the client address', async () => {
    const { functionName, urlInternet } = await deployHttp(h, SOURCE_IP);
    const async = { 'x-fc-invocation-type': 'Async' };
    const replies = await inTurn(() => call(urlInternet, { localAddress: CLIENT, headers: { ...async, ...FORGED } }));
    expect(replies.map((reply) => reply.status)).toEqual([202, 202]);
    const body = await getEngineOperation(h.client, 'ListRecordedRequests', recordedRequestsPath(functionName), {});
    const rows = recordedRequestsPageSchema.parse(body).requests;
    // What tells two requests apart (their ids, times) aside, the Requests inspector shows the same row.
    const shown = rows.map(({ seq: _seq, requestId: _id, time: _time, durationMs: _ms, ...row }) => row);
    expect(shown).toEqual(
      Array(2).fill(expect.objectContaining({ status: 202, sourceIp: CLIENT, invocationType: 'async' })),
    );
    expect(shown[0]).toEqual(shown[1]);
  });

  it('answers 409 to an async task id reused, on either process', async () => {
    const { functionName, urlInternet } = await deployHttp(h, SOURCE_IP);
    const taskId = uniqueName('task');
    const send = () =>
      call(urlInternet, { headers: { 'x-fc-invocation-type': 'Async', 'x-fc-async-task-id': taskId } });
    // Three connections in a row: the two that reuse the id reach both processes.
    const replies = [...(await inTurn(send)), await send()];
    expect(replies.map((reply) => [reply.status, reply.text && reply.json().Code])).toEqual([
      [202, ''],
      [409, 'AsyncTaskAlreadyExists'],
      [409, 'AsyncTaskAlreadyExists'],
    ]);
    const task = await h.client.getAsyncTask(functionName, taskId, new $FC.GetAsyncTaskRequest({}));
    expect(task.body?.taskId).toBe(taskId);
  });

  it("relays the OpenAPI's 100 Continue, given once the signature holds", async () => {
    const route = '/2023-03-30/functions';
    const body = Buffer.from(
      JSON.stringify({
        functionName: uniqueName('cont'),
        runtime: 'nodejs20',
        handler: 'index.handler',
        code: { zipFile: HELLO_ZIP },
      }),
    );
    const send = () =>
      sendAfterContinue(h.engine, {
        method: 'POST',
        path: route,
        headers: signedHeaders(h.engine, { method: 'POST', path: route, body, action: 'CreateFunction' }),
        body,
      });
    const [first, second] = await inTurn(send);
    expect(first).toMatchObject({ continued: true, status: 200 });
    expect(second).toMatchObject({ continued: true, status: 409 });
  });

  it('keeps checking the OpenAPI signature when a forged forwarding header comes along', async () => {
    const route = '/2023-03-30/functions';
    const body = Buffer.from('{}');
    const headers = signedHeaders(
      h.engine,
      { method: 'GET', path: route, body },
      { ...h.engine.credentials, accessKeySecret: 'wrong-secret-1234' },
    );
    const replies = await inTurn(() =>
      sendStreamed(h.engine, { method: 'GET', path: route, headers: { ...headers, ...FORGED }, chunks: [] }),
    );
    for (const reply of replies) expect(reply).toMatchObject({ status: 403, body: { Code: 'SignatureNotMatch' } });
  });
});

describe('the gateway processes of an engine that stops', () => {
  it('are gone after close(), with every instance they ran', async () => {
    const h = await startHarness({}, { gateways: 2 });
    const { functionName, urlInternet } = await deployHttp(h, SLOW);
    await Promise.all(Array.from({ length: 4 }, () => call(urlInternet)));
    const [gateway] = h.engine.gatewayPids;
    expect(processesOf(functionName).some((pid) => descendsFrom(pid, gateway!))).toBe(true);
    await h.close();
    expect(isRunning(gateway!)).toBe(false);
    expect(processesOf(functionName)).toEqual([]);
  });

  it('leave their share to the primary when one dies, warned about once, until another is started in its place', async () => {
    const warnings: string[] = [];
    const h = await startHarness({ warn: (line) => warnings.push(line) }, { gateways: 2 });
    try {
      const { functionName, urlInternet } = await deployHttp(h, SLOW);
      const [dead] = h.engine.gatewayPids;
      process.kill(dead!, 'SIGKILL');
      await expect.poll(() => warnings.filter((line) => line.includes('gateway process')).length).toBe(1);
      expect(warnings[0]).toContain('another is started in its place');
      const replies = await inTurn(() => call(urlInternet));
      expect(replies.map((reply) => reply.status)).toEqual([200, 200]);

      await expect.poll(() => h.engine.gatewayPids, { timeout: 30_000 }).toHaveLength(1);
      const [replacement] = h.engine.gatewayPids;
      expect(replacement).not.toBe(dead);
      // Dealt its share again: some of four slow calls at once run under the new process.
      await Promise.all(Array.from({ length: 4 }, () => call(urlInternet)));
      expect(processesOf(functionName).some((pid) => descendsFrom(pid, replacement!))).toBe(true);
      expect(warnings.filter((line) => line.includes('gateway process'))).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('exit with their instances when the primary is killed (-9); the AccessKey never was in their argv or env', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-gateways-'));
    const secret = `Gw${randomBytes(12).toString('hex')}`;
    const engine = await startEngineProcess(dataDir, { FC_ENGINE_GATEWAYS: '2', FC_ENGINE_ACCESS_KEY_SECRET: secret });
    try {
      const [gateway] = childrenNamed(engine.child.pid!, 'gateway-process');
      expect(gateway).toBeDefined();
      for (const file of ['environ', 'cmdline'])
        expect(fs.readFileSync(`/proc/${gateway}/${file}`, 'utf8')).not.toContain(secret);
      const { functionName, urlInternet } = await deployHttp(engine, SLOW);
      const url = `http://${new URL(urlInternet).hostname}:${engine.port}`;
      await twice(() => call(url));
      expect(processesOf(functionName).some((pid) => descendsFrom(pid, gateway!))).toBe(true);

      engine.child.kill('SIGKILL');
      await expect.poll(() => isRunning(gateway!), { timeout: 15_000 }).toBe(false);
      await expect.poll(() => processesOf(functionName), { timeout: 15_000 }).toEqual([]);
    } finally {
      engine.child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
