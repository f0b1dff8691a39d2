import { z } from 'zod';
import type { Db } from './database';
import { getFunction } from './functions-store';
import { toPage, type Page } from './paging';
import { lookupQualifier } from './qualifier';
import type { ConfigListRequest } from './concurrency-store';

/** A config kept per function and qualifier (provision configs, scaling configs): stored, never run. */
export type QualifiedConfig<T> = { functionName: string; qualifier: string; config: T };

type Table = 'provision_configs' | 'scaling_configs';

const rowSchema = z.object({ function_name: z.string(), qualifier: z.string(), config: z.string() });

/** Page tokens name the first row of the next page: `<functionName>#<qualifier>` (neither holds a `#`). */
const tokenOf = (row: { functionName: string; qualifier: string }) => `${row.functionName}#${row.qualifier}`;

export function qualifiedConfigsStore<S extends z.ZodType>(table: Table, configSchema: S) {
  type Stored = QualifiedConfig<z.output<S>>;
  const fromRow = (raw: unknown): Stored => {
    const row = rowSchema.parse(raw);
    return {
      functionName: row.function_name,
      qualifier: row.qualifier,
      config: configSchema.parse(JSON.parse(row.config)),
    };
  };

  const find = (db: Db, functionName: string, qualifier: string): Stored | undefined => {
    const row = db
      .prepare(`SELECT * FROM ${table} WHERE function_name = ? AND qualifier = ?`)
      .get(functionName, qualifier);
    return row === undefined ? undefined : fromRow(row);
  };

  return {
    /** The function must exist; an unknown version or alias is its own 404, as GetFunction answers it. */
    find(db: Db, functionName: string, qualifier: string): Stored | undefined {
      lookupQualifier(db, functionName, qualifier);
      return find(db, functionName, qualifier);
    },

    /** A PUT replaces the whole config. */
    put(db: Db, functionName: string, qualifier: string, config: z.input<S>): Stored {
      return db.transaction(() => {
        lookupQualifier(db, functionName, qualifier);
        db.prepare(
          `INSERT INTO ${table} (function_name, qualifier, config) VALUES (?, ?, ?)
           ON CONFLICT (function_name, qualifier) DO UPDATE SET config = excluded.config`,
        ).run(functionName, qualifier, JSON.stringify(config));
        return find(db, functionName, qualifier) as Stored;
      })();
    },

    /** Deleting what is not there is not an error: clients delete, then poll until it is gone. */
    delete(db: Db, functionName: string, qualifier: string): void {
      getFunction(db, functionName);
      db.prepare(`DELETE FROM ${table} WHERE function_name = ? AND qualifier = ?`).run(functionName, qualifier);
    },

    list(db: Db, { functionName, limit, nextToken }: ConfigListRequest): Page<Stored> {
      const [fromName = '', fromQualifier = ''] = (nextToken ?? '').split('#');
      const rows = db
        .prepare(
          `SELECT * FROM ${table} WHERE (? IS NULL OR function_name = ?)
             AND (function_name > ? OR (function_name = ? AND qualifier >= ?))
           ORDER BY function_name, qualifier LIMIT ?`,
        )
        .all(functionName ?? null, functionName ?? null, fromName, fromName, fromQualifier, limit + 1)
        .map(fromRow);
      return toPage(rows, limit, tokenOf);
    },
  };
}
