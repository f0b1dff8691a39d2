import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it, vi } from 'vitest';
import { createAsyncQueue } from './async-queue';
import { openTestDatabase, removeDatabaseFile, tempDatabaseFile } from './testing/queue-database';

const CHILD = fileURLToPath(new URL('./testing/enqueue-child.ts', import.meta.url));
const TOTAL = 2000;
const KILL_AFTER = 40;

/** Start the child, SIGKILL it once it has reported KILL_AFTER accepted tasks; the ids it printed. */
function enqueueUntilKilled(file: string): Promise<{ accepted: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(TOTAL)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').length > KILL_AFTER) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the child exited by itself: ${err}`));
      // Only whole lines: a line cut by the kill was never fully reported.
      const accepted = out.split('\n').slice(0, -1);
      resolve({ accepted, signal });
    });
  });
}

it('runs every task whose acceptance was reported before a kill -9', async () => {
  const file = tempDatabaseFile();
  const { accepted, signal } = await enqueueUntilKilled(file);
  expect(signal).toBe('SIGKILL');
  expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER);

  const db = openTestDatabase(file);
  const committed = db.prepare('SELECT count(*) FROM async_tasks').pluck().get() as number;
  const queue = createAsyncQueue({
    db,
    run: async (task) => ({ ok: true, returnPayload: task.taskId }),
    pollMs: 10,
    concurrency: 8,
  });
  queue.start();
  try {
    await vi.waitFor(
      () => {
        const lost = accepted.filter((id) => queue.get('durable', id)?.status !== 'Succeeded');
        expect(lost).toEqual([]);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(queue.get('durable', accepted.at(-1) as string)?.returnPayload).toBe(accepted.at(-1));
  } finally {
    await queue.stop();
    db.close();
    removeDatabaseFile(file);
  }
  console.info(`kill -9 after ${accepted.length} reported and ${committed} committed of ${TOTAL} enqueues`);
}, 15_000);
