import { invocationResultSchema, type InvocationResult } from '../../contract/invocation';
import { MAX_HISTORY } from '../../contract/test-function-api';
import type { ConsoleDb } from './console-db';

export type InvocationHistoryStore = {
  /** Keeps the result and drops what falls out of the function's last 50. */
  add(result: InvocationResult): void;
  /** Newest first. */
  list(functionName: string): InvocationResult[];
  get(functionName: string, id: string): InvocationResult | undefined;
};

function toResult(text: string): InvocationResult | undefined {
  try {
    const parsed = invocationResultSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function invocationHistoryStore(db: ConsoleDb, limit = MAX_HISTORY): InvocationHistoryStore {
  const insert = db.prepare('INSERT INTO invocations (id, function_name, result) VALUES (?, ?, ?)');
  const trim = db.prepare(
    `DELETE FROM invocations WHERE function_name = ? AND seq NOT IN
       (SELECT seq FROM invocations WHERE function_name = ? ORDER BY seq DESC LIMIT ?)`,
  );
  const add = db.transaction((result: InvocationResult) => {
    insert.run(result.id, result.functionName, JSON.stringify(result));
    trim.run(result.functionName, result.functionName, limit);
  });

  return {
    add: (result) => add(result),
    list(functionName) {
      const rows = db
        .prepare<[string, number], { result: string }>(
          'SELECT result FROM invocations WHERE function_name = ? ORDER BY seq DESC LIMIT ?',
        )
        .all(functionName, limit);
      return rows.map((row) => toResult(row.result)).filter((result) => result !== undefined);
    },
    get(functionName, id) {
      const row = db
        .prepare<[string, string], { result: string }>(
          'SELECT result FROM invocations WHERE function_name = ? AND id = ?',
        )
        .get(functionName, id);
      return row ? toResult(row.result) : undefined;
    },
  };
}
