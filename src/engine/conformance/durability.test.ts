import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import { startEngineProcess } from './engine-process';
import { call } from './harness';

// "An async invocation is durable once its 202 is sent: a kill -9 loses none" (DESIGN.md budgets).
const SENT = 40;
const KILL_AFTER = 15;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-durability-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startEngine() {
  const engine = await startEngineProcess(dataDir);
  children.push(engine.child);
  return engine;
}

it('every 202 before a kill -9 of the engine runs to Succeeded after a restart', async () => {
  const first = await startEngine();
  const client = first.client;
  const functionName = 'durable';
  const slow =
    'exports.handler = async (event) => { await new Promise((r) => setTimeout(r, 150)); return { body: JSON.parse(event).body }; };';
  await client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName,
        runtime: 'nodejs20',
        code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.js': slow }) }),
      }),
    }),
  );
  const trigger = await client.createTrigger(
    functionName,
    new $FC.CreateTriggerRequest({
      body: new $FC.CreateTriggerInput({
        triggerName: 'http',
        triggerType: 'http',
        triggerConfig: JSON.stringify({ methods: ['POST'], authType: 'anonymous' }),
      }),
    }),
  );
  const label = new URL(trigger.body!.httpTrigger!.urlInternet!).hostname;

  // Four senders at a time; every 202 is recorded the moment it arrives, and the engine is
  // killed while the rest are still on the way.
  const accepted: string[] = [];
  let next = 0;
  const sender = async () => {
    while (next < SENT) {
      const n = next++;
      try {
        const reply = await call(`http://${label}:${first.port}`, {
          method: 'POST',
          headers: { 'x-fc-invocation-type': 'Async' },
          body: `job-${n}`,
        });
        if (reply.status === 202) accepted.push(reply.headers['x-fc-request-id'] as string);
        if (accepted.length === KILL_AFTER) first.child.kill('SIGKILL');
      } catch {
        return; // the engine is gone
      }
    }
  };
  const exited = new Promise((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));
  await Promise.all([sender(), sender(), sender(), sender()]);
  expect(await exited).toBe('SIGKILL');
  expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER);

  const restartedAt = Date.now();
  const second = await startEngine();
  const again = second.client;
  const tasks = await vi.waitFor(
    async () => {
      const all = await Promise.all(
        accepted.map((id) =>
          again.getAsyncTask(functionName, id, new $FC.GetAsyncTaskRequest({})).then((r) => r.body!),
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
}, 45_000);
