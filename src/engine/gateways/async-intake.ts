import { taskIdTaken, taskToInsert, type EnqueueInput } from '../async/async-enqueue';
import { createTaskCommits, insertAllIn } from '../async/async-insert';
import { createWalSync } from '../async/wal-sync';
import type { AsyncIntake } from '../gateway/accept-async';
import { openAsyncIntakeDatabase } from '../store/database';
import type { GatewayChannel } from './gateway-channel';

/** What a gateway process tells the primary once a group of its accepts is on disk. */
export const ASYNC_ACCEPTED_MESSAGE = 'async.accepted';

export type GatewayAsyncIntake = AsyncIntake & {
  /** Resolves once every accept taken so far is on disk (or refused); the connection is closed then. */
  close(): Promise<void>;
};

/**
 * A gateway process's async intake (decision 048): it runs the trigger pipeline itself and commits
 * the accepted tasks with its own connection to engine.db, in its own group commit (one transaction
 * and one WAL fsync off the loop per turn), so a 202 means on disk without a round trip to the
 * primary. The task id rule and the 409 are the queue's (`taskToInsert`, the primary key). Then it
 * tells the primary, once per turn, so its worker runs them at once rather than at its next poll.
 */
export function commitOnGateway(dataDir: string, channel: GatewayChannel, now = Date.now): GatewayAsyncIntake {
  const db = openAsyncIntakeDatabase(dataDir);
  const wal = createWalSync(db);
  const commits = createTaskCommits(insertAllIn(db), wal);
  let telling = false;
  const tellPrimary = () => {
    if (telling) return;
    telling = true;
    setImmediate(() => {
      telling = false;
      channel.notify(ASYNC_ACCEPTED_MESSAGE);
    });
  };

  return {
    async enqueue(input: EnqueueInput) {
      const prepared = taskToInsert(input, now());
      if (!prepared.ok) return prepared;
      const { taskId } = prepared.value;
      if (!(await commits.add(prepared.value))) return taskIdTaken(taskId);
      tellPrimary();
      return { ok: true, value: { taskId } };
    },
    async close() {
      await commits.drain();
      wal.close();
      db.close();
    },
  };
}

/** The primary's side: a gateway process committed tasks, so its worker looks for due ones now. */
export function wakeOnAccepts(channel: GatewayChannel, queue: { wake(): void }): void {
  channel.handle(ASYNC_ACCEPTED_MESSAGE, () => queue.wake());
}
