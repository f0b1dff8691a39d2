import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import { startEngineProcess, type EngineProcess } from './engine-process';
import { call, deployHttp, type CallOptions } from './harness';
import { connectionServedBy } from './testing/gateway-connection';
import { childrenNamed } from './testing/process-tree';

// "An async invocation is durable once its 202 is sent: a kill -9 loses none" (DESIGN.md budgets).
const SENT = 40;
const KILL_AFTER = 15;

const dataDirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dataDir of dataDirs) fs.rmSync(dataDir, { recursive: true, force: true });
});

function newDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-durability-'));
  dataDirs.push(dataDir);
  return dataDir;
}

async function startEngine(dataDir: string, env: Record<string, string> = {}) {
  const engine = await startEngineProcess(dataDir, env);
  children.push(engine.child);
  return engine;
}

/** A function whose runs take a while (so some are left when the engine is killed); its URL on the engine's port. */
async function deploySlow(engine: EngineProcess, functionName: string): Promise<string> {
  const slow =
    'exports.handler = async (event) => { await new Promise((r) => setTimeout(r, 150)); return { body: JSON.parse(event).body }; };';
  await engine.client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName,
        runtime: 'nodejs20',
        code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.js': slow }) }),
      }),
    }),
  );
  const trigger = await engine.client.createTrigger(
    functionName,
    new $FC.CreateTriggerRequest({
      body: new $FC.CreateTriggerInput({
        triggerName: 'http',
        triggerType: 'http',
        triggerConfig: JSON.stringify({ methods: ['POST'], authType: 'anonymous' }),
      }),
    }),
  );
  return onPort(trigger.body!.httpTrigger!.urlInternet!, engine);
}

const onPort = (url: string, engine: EngineProcess) => `http://${new URL(url).hostname}:${engine.port}`;

/**
 * `senders` at a time send async invocations; every 202 is noted the moment it arrives, and the
 * engine is killed (-9) right after the KILL_AFTER-th while the rest are still on the way.
 */
async function acceptUntilKilled(engine: EngineProcess, url: string, senders: number, options: CallOptions = {}) {
  const accepted: string[] = [];
  let next = 0;
  const sender = async () => {
    while (next < SENT) {
      const n = next++;
      try {
        const reply = await call(url, {
          ...options,
          method: 'POST',
          headers: { 'x-fc-invocation-type': 'Async' },
          body: `job-${n}`,
        });
        if (reply.status === 202) accepted.push(reply.headers['x-fc-request-id'] as string);
        if (accepted.length === KILL_AFTER) engine.child.kill('SIGKILL');
      } catch {
        return; // the engine is gone
      }
    }
  };
  const exited = new Promise((resolve) => engine.child.once('exit', (_code, signal) => resolve(signal)));
  await Promise.all(Array.from({ length: senders }, sender));
  expect(await exited).toBe('SIGKILL');
  expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER);
  return accepted;
}

/** Restarts the engine on the same data dir: every accepted task runs to Succeeded, some only now. */
async function expectAllRunAfterRestart(dataDir: string, functionName: string, accepted: string[]) {
  const restartedAt = Date.now();
  const second = await startEngine(dataDir);
  const tasks = await vi.waitFor(
    async () => {
      const all = await Promise.all(
        accepted.map((id) =>
          second.client.getAsyncTask(functionName, id, new $FC.GetAsyncTaskRequest({})).then((r) => r.body!),
        ),
      );
      expect(all.filter((t) => t.status !== 'Succeeded').map((t) => `${t.taskId}: ${t.status}`)).toEqual([]);
      return all;
    },
    { timeout: 20_000, interval: 200 },
  );
  // The kill came mid-stream: some accepted invocations only ran after the restart.
  expect(tasks.some((t) => (t.endTime ?? 0) > restartedAt)).toBe(true);
  expect(tasks.every((t) => /^job-\d+$/.test(t.returnPayload ?? ''))).toBe(true);
  second.child.kill('SIGKILL');
}

it('every 202 before a kill -9 of the engine runs to Succeeded after a restart', async () => {
  const dataDir = newDataDir();
  const first = await startEngine(dataDir);
  const url = await deploySlow(first, 'durable');
  const accepted = await acceptUntilKilled(first, url, 4);
  await expectAllRunAfterRestart(dataDir, 'durable', accepted);
}, 45_000);

it('every 202 a gateway process answered before a kill -9 of the engine runs after a restart', async () => {
  const dataDir = newDataDir();
  const first = await startEngine(dataDir, { FC_ENGINE_GATEWAYS: '2' });
  const [gateway] = childrenNamed(first.child.pid!, 'gateway-process');
  expect(gateway).toBeDefined();
  const url = await deploySlow(first, 'durable');
  const probe = await deployHttp(first, {
    files: { 'index.js': 'exports.handler = async () => ({ statusCode: 200, body: "probe" });' },
    handler: 'index.handler',
  });
  // One connection, served by the gateway process: its 202s come from that process's intake.
  const agent = await connectionServedBy(gateway!, {
    functionName: probe.functionName,
    url: onPort(probe.urlInternet, first),
  });
  const accepted = await acceptUntilKilled(first, url, 1, { agent });
  agent.destroy();
  await expectAllRunAfterRestart(dataDir, 'durable', accepted);
}, 60_000);
