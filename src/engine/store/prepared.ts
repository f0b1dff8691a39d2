import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A statement compiled once per database. The lookups every trigger request makes (trigger by
 * host, function, version, alias) use it: compiling their SQL each time was a measurable share of
 * the gateway's time under load (npm run bench). Only for statements used with get/all/run, never
 * with a mode such as pluck() that would stick to the shared statement.
 */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
