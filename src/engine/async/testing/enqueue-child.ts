import { createAsyncQueue } from '../async-queue';
import { openTestDatabase } from './queue-database';

/**
 * The kill -9 test's child: enqueue tasks as fast as possible, a few per turn of the event loop
 * as concurrent clients would (so they are committed in groups while more keep coming), and print
 * each id once its enqueue has resolved, the moment a real caller would send its 202. Then wait
 * to be killed.
 */
const [file, count] = process.argv.slice(2);
const queue = createAsyncQueue({
  db: openTestDatabase(file as string),
  run: async () => ({ ok: false, error: 'the child never runs tasks', retryable: false }),
});
const PER_TURN = 5;

function enqueue(i: number): void {
  void queue
    .enqueue({ functionName: 'durable', taskId: `task-${i}`, kind: 'event', event: Buffer.from(`{"n":${i}}`) })
    .then((accepted) => {
      if (!accepted.ok) throw new Error(accepted.error.message);
      // Pipes are written synchronously on Linux: the line is out before the next one is reported.
      process.stdout.write(`${accepted.value.taskId}\n`);
    });
}

function turn(from: number): void {
  for (let i = from; i < Math.min(from + PER_TURN, Number(count)); i++) enqueue(i);
  if (from + PER_TURN < Number(count)) setImmediate(turn, from + PER_TURN);
}
turn(0);
setInterval(() => undefined, 1000);
