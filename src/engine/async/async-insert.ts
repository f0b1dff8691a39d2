import type Database from 'better-sqlite3';
import type { NewTask } from './async-store';
import { createGroupCommit } from './group-commit';
import type { WalSync } from './wal-sync';

/** A group is inserted in statements of at most this many rows (SQLite binds at most 32,766 values). */
export const MAX_ROWS_PER_INSERT = 64;
// One `?` per value: better-sqlite3 binds no numbered parameter used twice.
const ROW = `(?, ?, ?, ?, 'Enqueued', ?, ?, ?, ?,
      json_array(json_object('eventId', 1, 'status', 'Enqueued', 'timestamp', ?)))`;

export function insertSql(rows: number): string {
  return `INSERT INTO async_tasks (task_id, request_id, function_name, qualifier, status, kind, payload,
      created_time, next_attempt_at, events)
    VALUES ${Array(rows).fill(ROW).join(', ')}
    ON CONFLICT (task_id) DO NOTHING RETURNING task_id`;
}

export const insertValues = (task: NewTask) => [
  task.taskId,
  task.requestId,
  task.functionName,
  task.qualifier,
  task.kind,
  task.payload,
  task.createdTime,
  task.createdTime,
  task.createdTime,
];

/**
 * New tasks in one transaction (a multi-row insert per 64): when it returns they are committed,
 * for one fsync whatever their number. False for each task id already taken (by this connection's
 * commits or another's: the primary key decides).
 */
export function insertAllIn(db: Database.Database): (tasks: NewTask[]) => boolean[] {
  const inserts = new Map<number, Database.Statement>();
  /** `rows` new tasks in one statement; answers the ids it inserted (a taken one is skipped). */
  const insertRows = (rows: number) => {
    let statement = inserts.get(rows);
    if (!statement) inserts.set(rows, (statement = db.prepare(insertSql(rows)).pluck()));
    return statement;
  };
  return db.transaction((tasks: NewTask[]): boolean[] => {
    const inserted = new Set<string>();
    for (let from = 0; from < tasks.length; from += MAX_ROWS_PER_INSERT) {
      const chunk = tasks.slice(from, from + MAX_ROWS_PER_INSERT);
      const ids = insertRows(chunk.length).all(chunk.flatMap(insertValues)) as string[];
      for (const id of ids) inserted.add(id);
    }
    // Of several tasks with one id in a group, the first is the one stored.
    return tasks.map((task) => inserted.delete(task.taskId));
  });
}

/**
 * New tasks' group commit: one transaction per turn without an fsync of its own, then one fsync of
 * the WAL off the loop; each `add` resolves once its group is on disk (true: inserted; false: the
 * task id was taken).
 */
export function createTaskCommits(insertAll: (tasks: NewTask[]) => boolean[], wal: WalSync) {
  return createGroupCommit((tasks: NewTask[]) => wal.withoutFsync(() => insertAll(tasks)), wal.syncToDisk);
}
