import type { NewTask } from './async-store';

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
