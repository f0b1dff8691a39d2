import { createAsyncQueue } from './async-queue';
import { openTestDatabase } from './test-database';

/**
 * The kill -9 test's child: enqueue tasks as fast as possible and print each id once enqueue has
 * returned, the moment a real caller would send its 202. Then wait to be killed.
 */
const [file, count] = process.argv.slice(2);
const queue = createAsyncQueue({
  db: openTestDatabase(file as string),
  run: async () => ({ ok: false, error: 'the child never runs tasks', retryable: false }),
});
for (let i = 0; i < Number(count); i++) {
  const accepted = queue.enqueue({
    functionName: 'durable',
    taskId: `task-${i}`,
    kind: 'event',
    event: Buffer.from(`{"n":${i}}`),
  });
  if (!accepted.ok) throw new Error(accepted.error.message);
  // Pipes are written synchronously on Linux: the line is out before the next enqueue starts.
  process.stdout.write(`${accepted.value.taskId}\n`);
}
setInterval(() => undefined, 1000);
