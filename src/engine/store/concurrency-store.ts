import { z } from 'zod';
import { FcError } from '../fc-error';
import type { Db } from './database';
import { getFunction } from './functions-store';
import { toPage, type Page } from './paging';
import { prepared } from './prepared';
import { bumpGeneration } from './read-cache';

export type StoredConcurrency = { functionName: string; reservedConcurrency: number };

const rowSchema = z
  .object({ function_name: z.string(), reserved_concurrency: z.number().int().min(0) })
  .transform((row) => ({ functionName: row.function_name, reservedConcurrency: row.reserved_concurrency }));

export function concurrencyNotFound(functionName: string): FcError {
  return new FcError('OnDemandConfigNotFound', `concurrency config of function "${functionName}" does not exist`);
}

/** The function's instance cap, if one is set; the gateway's lookups read it through the read cache. */
export function findConcurrency(db: Db, functionName: string): StoredConcurrency | undefined {
  const row = prepared(db, 'SELECT * FROM concurrency_configs WHERE function_name = ?').get(functionName);
  return row === undefined ? undefined : rowSchema.parse(row);
}

export function getConcurrency(db: Db, functionName: string): StoredConcurrency {
  getFunction(db, functionName);
  const found = findConcurrency(db, functionName);
  if (!found) throw concurrencyNotFound(functionName);
  return found;
}

export function putConcurrency(db: Db, functionName: string, reservedConcurrency: number): StoredConcurrency {
  return db.transaction(() => {
    getFunction(db, functionName);
    db.prepare(
      `INSERT INTO concurrency_configs (function_name, reserved_concurrency) VALUES (?, ?)
       ON CONFLICT (function_name) DO UPDATE SET reserved_concurrency = excluded.reserved_concurrency`,
    ).run(functionName, reservedConcurrency);
    // The cap is read with the function on every request: cached lookups must see it at once.
    bumpGeneration(db);
    return getConcurrency(db, functionName);
  })();
}

export function deleteConcurrency(db: Db, functionName: string): void {
  getFunction(db, functionName);
  const result = db.prepare('DELETE FROM concurrency_configs WHERE function_name = ?').run(functionName);
  bumpGeneration(db);
  if (result.changes === 0) throw concurrencyNotFound(functionName);
}

export type ConfigListRequest = { functionName?: string; limit: number; nextToken?: string };

export function listConcurrency(
  db: Db,
  { functionName, limit, nextToken }: ConfigListRequest,
): Page<StoredConcurrency> {
  const rows = db
    .prepare(
      `SELECT * FROM concurrency_configs WHERE (? IS NULL OR function_name = ?) AND function_name >= ?
       ORDER BY function_name LIMIT ?`,
    )
    .all(functionName ?? null, functionName ?? null, nextToken ?? '', limit + 1)
    .map((row) => rowSchema.parse(row));
  return toPage(rows, limit, (row) => row.functionName);
}
