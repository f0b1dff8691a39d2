import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { AsyncConfig } from '../../contract/async-task';
import { ASYNC_DEFAULTS, type asyncInvokeConfigInputSchema } from '../../contract/function';

export type AsyncInvokeConfigInput = z.infer<typeof asyncInvokeConfigInputSchema>;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS async_invoke_configs (
    function_name TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    config TEXT NOT NULL,
    created_time TEXT NOT NULL,
    last_modified_time TEXT NOT NULL,
    PRIMARY KEY (function_name, qualifier)
  );
`;

type Row = { config: string; createdTime: string; lastModifiedTime: string };

/** FC's timestamps: ISO 8601 in UTC, to the second. */
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function toConfig(row: Row): AsyncConfig {
  const input = JSON.parse(row.config) as AsyncInvokeConfigInput;
  return { ...ASYNC_DEFAULTS, ...input, createdTime: row.createdTime, lastModifiedTime: row.lastModifiedTime };
}

/** Put/Get/DeleteAsyncInvokeConfig, one config per function and qualifier. */
export function createAsyncConfigStore(db: Database.Database, now: () => number) {
  db.exec(SCHEMA);
  const select = db.prepare(`SELECT config, created_time AS createdTime, last_modified_time AS lastModifiedTime
    FROM async_invoke_configs WHERE function_name = ? AND qualifier = ?`);
  const upsert = db.prepare(`INSERT INTO async_invoke_configs VALUES (@functionName, @qualifier, @config, @at, @at)
    ON CONFLICT (function_name, qualifier) DO UPDATE SET config = excluded.config, last_modified_time = excluded.last_modified_time`);
  const remove = db.prepare('DELETE FROM async_invoke_configs WHERE function_name = ? AND qualifier = ?');

  const get = (functionName: string, qualifier: string): AsyncConfig | undefined => {
    const row = select.get(functionName, qualifier) as Row | undefined;
    return row && toConfig(row);
  };

  return {
    get,
    /** A PUT replaces the whole config; unset fields answer with FC's defaults. */
    put(functionName: string, qualifier: string, input: AsyncInvokeConfigInput): AsyncConfig {
      upsert.run({ functionName, qualifier, config: JSON.stringify(input), at: iso(now()) });
      return get(functionName, qualifier) as AsyncConfig;
    },
    delete(functionName: string, qualifier: string): boolean {
      return remove.run(functionName, qualifier).changes === 1;
    },
    /**
     * The retry policy a task of this qualifier runs under: its own config, else the function's
     * LATEST one, else FC's defaults. (The fallback to LATEST is ours; the service's is unconfirmed.)
     */
    policy(
      functionName: string,
      qualifier: string,
    ): { maxAsyncRetryAttempts: number; maxAsyncEventAgeInSeconds: number } {
      const config = get(functionName, qualifier) ?? get(functionName, 'LATEST');
      return {
        maxAsyncRetryAttempts: config?.maxAsyncRetryAttempts ?? ASYNC_DEFAULTS.maxAsyncRetryAttempts,
        maxAsyncEventAgeInSeconds: config?.maxAsyncEventAgeInSeconds ?? ASYNC_DEFAULTS.maxAsyncEventAgeInSeconds,
      };
    },
    /** ListAsyncInvokeConfigs: by function and qualifier; the token is the next row's `<functionName>#<qualifier>`. */
    list(page: { functionName?: string; limit: number; nextToken?: string }) {
      const [fromName = '', fromQualifier = ''] = (page.nextToken ?? '').split('#');
      const rows = db
        .prepare(
          `SELECT function_name AS functionName, qualifier, config, created_time AS createdTime,
             last_modified_time AS lastModifiedTime FROM async_invoke_configs
           WHERE (? IS NULL OR function_name = ?) AND (function_name > ? OR (function_name = ? AND qualifier >= ?))
           ORDER BY function_name, qualifier LIMIT ?`,
        )
        .all(
          page.functionName ?? null,
          page.functionName ?? null,
          fromName,
          fromName,
          fromQualifier,
          page.limit + 1,
        ) as Array<Row & { functionName: string; qualifier: string }>;
      const items = rows.map((row) => ({
        functionName: row.functionName,
        qualifier: row.qualifier,
        config: toConfig(row),
      }));
      const next = items.length > page.limit ? items[page.limit] : undefined;
      return {
        items: items.slice(0, page.limit),
        ...(next ? { nextToken: `${next.functionName}#${next.qualifier}` } : {}),
      };
    },
    deleteFunction(functionName: string): void {
      db.prepare('DELETE FROM async_invoke_configs WHERE function_name = ?').run(functionName);
    },
  };
}

export type AsyncConfigStore = ReturnType<typeof createAsyncConfigStore>;
