import type { Db } from './database';

/** FC's timestamps: ISO 8601 in UTC, to the second. */
export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type PageRequest = { prefix?: string; limit: number; nextToken?: string };
export type Page<T> = { items: T[]; nextToken?: string };

/** Rows fetched with `LIMIT limit + 1`: the extra row, if any, starts the next page. */
export function toPage<T>(rows: T[], limit: number, tokenOf: (row: T) => string): Page<T> {
  if (rows.length <= limit) return { items: rows };
  const next = rows[limit] as T;
  return { items: rows.slice(0, limit), nextToken: tokenOf(next) };
}

/** SQL matching a name column against an optional prefix (no LIKE: `_` is a wildcard there). */
function prefixClause(column: string, prefix: string | undefined): { sql: string; params: string[] } {
  if (!prefix) return { sql: '1 = 1', params: [] };
  return { sql: `substr(${column}, 1, ${prefix.length}) = ?`, params: [prefix] };
}

/** A table listed in name order: all of it, or one function's rows when `functionName` is given. */
export type NameOrderedTable<Row> = {
  table: 'functions' | 'triggers' | 'aliases';
  nameColumn: keyof Row & string;
  functionName?: string;
};

/** A page of a List call: names are unique, so the next page's token is the first name past this one. */
export function pageByName<Row, T>(
  db: Db,
  { table, nameColumn, functionName }: NameOrderedTable<Row>,
  page: PageRequest,
  fromRow: (row: Row) => T,
): Page<T> {
  const scope =
    functionName === undefined ? { sql: '1 = 1', params: [] } : { sql: 'function_name = ?', params: [functionName] };
  const prefix = prefixClause(nameColumn, page.prefix);
  const rows = db
    .prepare(
      `SELECT * FROM ${table} WHERE ${scope.sql} AND ${prefix.sql} AND ${nameColumn} >= ? ORDER BY ${nameColumn} LIMIT ?`,
    )
    .all(...scope.params, ...prefix.params, page.nextToken ?? '', page.limit + 1) as Row[];
  const paged = toPage(rows, page.limit, (row) => String(row[nameColumn]));
  return { ...paged, items: paged.items.map(fromRow) };
}
