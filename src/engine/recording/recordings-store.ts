import type Database from 'better-sqlite3';
import {
  recordedRequestSchema,
  recordedRequestSummarySchema,
  type RecordedRequest,
  type RecordedRequestsPage,
  type RecordedRequestsQuery,
} from '../../contract/recorded-request';
import type { RecordingLimits } from '../config';
import type { RecordedRow } from './recorded-row';

export const DEFAULT_PAGE = 50;

type StoredRow = { seq: number; summary: string; detail?: string };

export type RecordingsStore = {
  /** Stores rows in the caller's transaction, then drops the oldest past the bounds. */
  insert(rows: RecordedRow[]): void;
  list(functionName: string, query: RecordedRequestsQuery): RecordedRequestsPage;
  get(functionName: string, requestId: string): Omit<RecordedRequest, 'logs'> | undefined;
  deleteFunction(functionName: string): void;
};

/** Recorded requests, newest first; at most `perFunction` per function and `totalBytes` in all, oldest dropped first. */
export function createRecordingsStore(db: Database.Database, limits: RecordingLimits): RecordingsStore {
  const insertRow = db.prepare(
    `INSERT INTO recorded_requests (function_name, request_id, time_ms, trigger_name, status, method, path, bytes, summary, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const dropPastCount = db.prepare(
    `DELETE FROM recorded_requests WHERE function_name = ? AND seq <=
       (SELECT seq FROM recorded_requests WHERE function_name = ? ORDER BY seq DESC LIMIT 1 OFFSET ?) RETURNING bytes`,
  );
  const oldest = db.prepare('SELECT seq, bytes FROM recorded_requests ORDER BY seq LIMIT 64');
  const dropUpTo = db.prepare('DELETE FROM recorded_requests WHERE seq <= ?');
  const latest = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'recorded_requests'").pluck();
  const one = db.prepare(
    'SELECT seq, summary, detail FROM recorded_requests WHERE function_name = ? AND request_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const dropFunction = db.prepare('DELETE FROM recorded_requests WHERE function_name = ? RETURNING bytes').pluck();
  const sumBytes = db.prepare('SELECT COALESCE(SUM(bytes), 0) FROM recorded_requests').pluck();
  // Counted by the writer only (the readers' connection never inserts), when it first writes.
  let counted: number | undefined;
  const total = {
    get bytes() {
      return (counted ??= Number(sumBytes.get()));
    },
    set bytes(value: number) {
      counted = value;
    },
  };

  function keepTotalBound(): void {
    while (total.bytes > limits.totalBytes) {
      const rows = oldest.all() as Array<{ seq: number; bytes: number }>;
      if (!rows.length) return void (total.bytes = 0);
      let last = rows[0]!.seq;
      for (const row of rows) {
        if (total.bytes <= limits.totalBytes) break;
        total.bytes -= row.bytes;
        last = row.seq;
      }
      dropUpTo.run(last);
    }
  }

  return {
    insert(rows) {
      const touched = new Set<string>();
      for (const { summary, json, bytes } of rows) {
        const { functionName, requestId, time, triggerName, status, method, path } = summary;
        insertRow.run(
          functionName,
          requestId,
          Date.parse(time),
          triggerName ?? null,
          status,
          method,
          path,
          bytes,
          json.summary,
          json.detail,
        );
        total.bytes += bytes;
        touched.add(functionName);
      }
      for (const name of touched)
        for (const row of dropPastCount.all(name, name, limits.perFunction) as Array<{ bytes: number }>)
          total.bytes -= row.bytes;
      keepTotalBound();
    },
    list(functionName, query) {
      const { sql, params } = filtersOf(functionName, query);
      const limit = query.limit ?? DEFAULT_PAGE;
      const rows = db
        .prepare(`SELECT seq, summary FROM recorded_requests WHERE ${sql} ORDER BY seq DESC LIMIT ?`)
        .all(...params, limit + 1) as StoredRow[];
      const page = rows.slice(0, limit);
      return {
        requests: page.map((row) => recordedRequestSummarySchema.parse({ ...JSON.parse(row.summary), seq: row.seq })),
        ...(rows.length > limit ? { nextToken: String(page.at(-1)!.seq) } : {}),
        latestSeq: Number(latest.get() ?? 0),
      };
    },
    get(functionName, requestId) {
      const row = one.get(functionName, requestId) as StoredRow | undefined;
      if (!row) return undefined;
      return recordedRequestSchema.parse({ ...JSON.parse(row.summary), ...JSON.parse(row.detail!), seq: row.seq });
    },
    deleteFunction(functionName) {
      for (const bytes of dropFunction.all(functionName) as number[]) total.bytes -= bytes;
    },
  };
}

const STATUS_RANGE = { '2xx': [200, 300], '3xx': [300, 400], '4xx': [400, 500], '5xx': [500, 600] } as const;

function filtersOf(functionName: string, query: RecordedRequestsQuery): { sql: string; params: unknown[] } {
  const where = ['function_name = ?'];
  const params: unknown[] = [functionName];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (query.after !== undefined) add('seq > ?', query.after);
  if (query.nextToken !== undefined) add('seq < ?', Number(query.nextToken));
  if (query.triggerName) add('trigger_name = ?', query.triggerName);
  if (query.statusClass) add('status >= ? AND status < ?', ...STATUS_RANGE[query.statusClass]);
  if (query.method) add('method = ?', query.method.toUpperCase());
  if (query.path) add('instr(path, ?) > 0', query.path);
  if (query.since) add('time_ms >= ?', Date.parse(query.since));
  if (query.until) add('time_ms <= ?', Date.parse(query.until));
  if (query.requestId) add('request_id = ?', query.requestId);
  return { sql: where.join(' AND '), params };
}
