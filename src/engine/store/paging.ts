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
export function prefixClause(column: string, prefix: string | undefined): { sql: string; params: string[] } {
  if (!prefix) return { sql: '1 = 1', params: [] };
  return { sql: `substr(${column}, 1, ${prefix.length}) = ?`, params: [prefix] };
}
