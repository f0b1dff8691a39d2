import { z } from 'zod';
import { FcError } from '../fc-error';
import type { Db } from './database';
import { toPage, type Page } from './paging';

export type StoredTag = { functionName: string; key: string; value: string };

const rowSchema = z
  .object({ function_name: z.string(), tag_key: z.string(), tag_value: z.string() })
  .transform((row) => ({ functionName: row.function_name, key: row.tag_key, value: row.tag_value }));

/** Sets the tags on each function (a key already there takes the new value), all or none. */
export function tagFunctions(
  db: Db,
  functionNames: readonly string[],
  tags: ReadonlyArray<{ key: string; value: string }>,
) {
  const upsert = db.prepare(
    `INSERT INTO function_tags (function_name, tag_key, tag_value) VALUES (?, ?, ?)
     ON CONFLICT (function_name, tag_key) DO UPDATE SET tag_value = excluded.tag_value`,
  );
  db.transaction(() => {
    for (const name of functionNames) for (const tag of tags) upsert.run(name, tag.key, tag.value);
  })();
}

/** Removes the keys from each function, or every tag when `keys` is undefined. */
export function untagFunctions(db: Db, functionNames: readonly string[], keys: readonly string[] | undefined) {
  const removeAll = db.prepare('DELETE FROM function_tags WHERE function_name = ?');
  const removeKey = db.prepare('DELETE FROM function_tags WHERE function_name = ? AND tag_key = ?');
  db.transaction(() => {
    for (const name of functionNames) {
      if (keys === undefined) removeAll.run(name);
      else for (const key of keys) removeKey.run(name, key);
    }
  })();
}

export type TagListRequest = {
  /** Only these functions; every tagged function when undefined. */
  functionNames?: readonly string[];
  /** Only functions carrying every one of these tags. */
  tags: ReadonlyArray<{ key: string; value?: string }>;
  limit: number;
  nextToken?: string;
};

const tokenSchema = z.tuple([z.string(), z.string()]);

/** Page tokens name the first row of the next page, [functionName, tagKey] in base64url JSON (a key may hold any character). */
function fromToken(token: string | undefined): [string, string] {
  if (!token) return ['', ''];
  try {
    return tokenSchema.parse(JSON.parse(Buffer.from(token, 'base64url').toString()));
  } catch {
    throw new FcError('InvalidArgument', 'NextToken: this is not a token a previous page answered.');
  }
}

export function listTags(db: Db, request: TagListRequest): Page<StoredTag> {
  const [fromName, fromKey] = fromToken(request.nextToken);
  const names = request.functionNames;
  const carries = request.tags.map(
    () =>
      'EXISTS (SELECT 1 FROM function_tags f WHERE f.function_name = t.function_name AND f.tag_key = ? AND (? IS NULL OR f.tag_value = ?))',
  );
  const where = [
    names === undefined ? '1 = 1' : `t.function_name IN (${names.map(() => '?').join(', ') || 'NULL'})`,
    ...carries,
    '(t.function_name > ? OR (t.function_name = ? AND t.tag_key >= ?))',
  ];
  const params = [
    ...(names ?? []),
    ...request.tags.flatMap((tag) => [tag.key, tag.value ?? null, tag.value ?? null]),
    fromName,
    fromName,
    fromKey,
  ];
  const rows = db
    .prepare(`SELECT * FROM function_tags t WHERE ${where.join(' AND ')} ORDER BY t.function_name, t.tag_key LIMIT ?`)
    .all(...params, request.limit + 1)
    .map((row) => rowSchema.parse(row));
  return toPage(rows, request.limit, (row) =>
    Buffer.from(JSON.stringify([row.functionName, row.key])).toString('base64url'),
  );
}
