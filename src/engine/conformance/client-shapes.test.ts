import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import * as $dara from '@darabonba/typescript';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { $FC, sdkError } from '../openapi/testing/engine-kit';
import { MIRROR, code, type Mirrored } from './fixtures';
import { call, deployFunction, deployHttp, deployTrigger, startHarness, type Harness } from './harness';

// What Serverless Devs fc3 and the SDK's own examples send and read, end to end over real HTTP.
let h: Harness;
beforeAll(async () => (h = await startHarness({ asyncPollMs: 50 })));
afterAll(() => h.close());

/** An event function that answers with what identifies its run: its instance and its trigger. */
const WHO = code(`exports.handler = async (event) => {
  let triggerId;
  try { triggerId = JSON.parse(event).requestContext.triggerId; } catch {}
  const who = { instanceId: process.env.FC_INSTANCE_ID, triggerId };
  return triggerId ? { statusCode: 200, body: JSON.stringify(who) } : JSON.stringify(who);
};`);

const invoke = (fn: string, headers: Partial<$FC.InvokeFunctionHeaders> = {}, qualifier?: string) =>
  h.client.invokeFunctionWithOptions(
    fn,
    new $FC.InvokeFunctionRequest({ body: Readable.from([Buffer.from('{}')]), qualifier }),
    new $FC.InvokeFunctionHeaders(headers),
    new $dara.RuntimeOptions({}),
  );

describe('the JWT trigger fc3 deploys', () => {
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwks: { keys: object[] };
  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
  });
  const token = (claims: object) =>
    new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setExpirationTime('5m')
      .sign(keys.privateKey);

  it("is accepted with claimPassBy 'query::' and whiteList, and enforced: a whitelisted path needs no token", async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, {
      authType: 'jwt',
      methods: ['GET'],
      authConfig: {
        jwks,
        tokenLookup: 'header:Authorization:Bearer ',
        claimPassBy: 'query::',
        whiteList: ['/public/*'],
      },
    });
    expect((await call(urlInternet, { path: '/public/page' })).status).toBe(200);
    const refused = await call(urlInternet, { path: '/orders' });
    expect(refused.status).toBe(401);
    const jwt = await token({ uid: 'u-1' });
    const passed = await call(urlInternet, { path: '/orders', headers: { authorization: `Bearer ${jwt}` } });
    expect(passed.status).toBe(200);
    expect(passed.json<Mirrored>().query).toEqual({});
  });

  it("is accepted in the SDK example's spelling (JWKS, TokenLookup, ClaimPassBy) and passes the claims on", async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, {
      authType: 'jwt',
      methods: ['GET'],
      authConfig: JSON.stringify({
        JWKS: jwks,
        TokenLookup: 'cookie:token',
        ClaimPassBy: 'header:uid:x-uid,query::name,cookie:uid:sid',
      }),
    });
    expect((await call(urlInternet, { path: '/me' })).status).toBe(401);
    const cookie = `token=${await token({ uid: 'u-7' })}; sid=forged; theme=dark`;
    const reply = await call(urlInternet, { path: '/me', headers: { cookie, 'x-uid': 'forged' } });
    expect(reply.status).toBe(200);
    const seen = reply.json<Mirrored>().headers;
    expect(seen['X-Uid']).toBe('u-7');
    // The claim replaces the cookie the client sent under its name; the client's other cookies stay.
    expect(seen.Cookie).toContain('theme=dark');
    expect(seen.Cookie).toContain('sid=u-7');
    expect(seen.Cookie).not.toContain('forged');
  });
});

describe('X-Fc-Async-Task-Id: a letter or _, then letters, digits, _ and -, at most 128', () => {
  it.each(['1job', 'job.1', 'job 1', `j${'x'.repeat(128)}`])(
    'refuses %s with 400, on a trigger and on InvokeFunction',
    async (id) => {
      const { urlInternet, functionName } = await deployHttp(h, MIRROR);
      const reply = await call(urlInternet, {
        method: 'POST',
        headers: { 'x-fc-invocation-type': 'Async', 'x-fc-async-task-id': id },
      });
      expect(reply.status).toBe(400);
      expect(reply.json()).toMatchObject({ Code: 'InvalidArgument' });
      const error = await sdkError(invoke(functionName, { xFcInvocationType: 'Async', xFcAsyncTaskId: id }));
      expect(error).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    },
  );

  it.each(['_job-1', 'Job_2-b', `j${'x'.repeat(127)}`])('accepts %s', async (id) => {
    const { urlInternet } = await deployHttp(h, MIRROR);
    const reply = await call(urlInternet, {
      method: 'POST',
      headers: { 'x-fc-invocation-type': 'Async', 'x-fc-async-task-id': id },
    });
    expect(reply.status).toBe(202);
    expect(reply.headers['x-fc-async-task-id']).toBe(id);
  });
});

describe('what identifies a run', () => {
  it('InvokeFunction answers x-fc-instance-id (the FC_INSTANCE_ID the function saw) and the service version', async () => {
    const fn = await deployFunction(h, WHO);
    const res = await invoke(fn);
    const seen = JSON.parse(await text(res.body!)) as { instanceId: string };
    expect(res.headers!['x-fc-instance-id']).toBe(seen.instanceId);
    expect(res.headers!['x-fc-invocation-service-version']).toBe('LATEST');
    expect(res.headers!['x-fc-code-checksum']).toBeTruthy();

    const published = await h.client.publishFunctionVersion(
      fn,
      new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) }),
    );
    await h.client.createAlias(
      fn,
      new $FC.CreateAliasRequest({
        body: new $FC.CreateAliasInput({ aliasName: 'prod', versionId: published.body!.versionId }),
      }),
    );
    const viaAlias = await invoke(fn, {}, 'prod');
    expect(viaAlias.headers!['x-fc-invocation-service-version']).toBe(published.body!.versionId);
  });

  it("a trigger's response names the code and version that served, and the event names the trigger", async () => {
    const fn = await deployFunction(h, WHO);
    const { codeChecksum } = (await h.client.getFunction(fn, new $FC.GetFunctionRequest({}))).body!;
    const { urlInternet, triggerName } = await deployTrigger(h, fn, { methods: ['GET'], authType: 'anonymous' });
    const { triggerId } = (await h.client.getTrigger(fn, triggerName)).body!;
    const reply = await call(urlInternet);
    expect(reply.json()).toMatchObject({ triggerId });
    expect(reply.headers['x-fc-code-checksum']).toBe(codeChecksum);
    expect(reply.headers['x-fc-invocation-service-version']).toBe('LATEST');
  });

  it('an AsyncTask names the instance that ran it and its destinationStatus once final', async () => {
    const fn = await deployFunction(h, WHO);
    const res = await invoke(fn, { xFcInvocationType: 'Async' });
    const taskId = res.headers!['x-fc-async-task-id']!;
    const task = await vi.waitFor(
      async () => {
        const got = (await h.client.getAsyncTask(fn, taskId, new $FC.GetAsyncTaskRequest({}))).body!;
        expect(got.status).toBe('Succeeded');
        return got;
      },
      { timeout: 8000, interval: 50 },
    );
    expect(task.instanceId).toBe((JSON.parse(task.returnPayload!) as { instanceId: string }).instanceId);
    expect(task.destinationStatus).toBe('Succeeded');
  });
});
