import { randomUUID } from 'node:crypto';
import { savedTestRequestSchema, type SavedTestRequest, type TestRequest } from '../../contract/invocation';
import { FcError } from '../fc-error';
import type { ConsoleDb } from './console-db';

type Row = { id: string; name: string; request: string; updated_at: string };

export type TestRequestsStore = {
  list(functionName: string): SavedTestRequest[];
  create(functionName: string, input: { name: string; request: TestRequest }): SavedTestRequest;
  update(functionName: string, id: string, patch: { name?: string; request?: TestRequest }): SavedTestRequest;
  delete(functionName: string, id: string): void;
};

function toSaved(row: Row): SavedTestRequest | undefined {
  let request: unknown;
  try {
    request = JSON.parse(row.request);
  } catch {
    return undefined;
  }
  const parsed = savedTestRequestSchema.safeParse({ id: row.id, name: row.name, request, updatedAt: row.updated_at });
  return parsed.success ? parsed.data : undefined;
}

const notFound = (id: string) =>
  new FcError(404, 'TestRequestNotFound', `The saved test request ${id} does not exist.`);
const nameTaken = (name: string) =>
  new FcError(
    409,
    'TestRequestAlreadyExists',
    `A test request named "${name}" already exists for this function.`,
    undefined,
    { name: 'Choose another name.' },
  );

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Saved test requests (Configure Test Parameters), per function; a name is unique in its function. */
export function testRequestsStore(db: ConsoleDb): TestRequestsStore {
  const select = db.prepare<[string, string], Row>(
    'SELECT id, name, request, updated_at FROM test_requests WHERE function_name = ? AND id = ?',
  );
  const get = (functionName: string, id: string) => {
    const row = select.get(functionName, id);
    const saved = row && toSaved(row);
    if (!saved) throw notFound(id);
    return saved;
  };
  const write = (fn: () => void, name: string) => {
    try {
      fn();
    } catch (error) {
      throw isUniqueViolation(error) ? nameTaken(name) : error;
    }
  };

  return {
    list(functionName) {
      const rows = db
        .prepare<[string], Row>(
          'SELECT id, name, request, updated_at FROM test_requests WHERE function_name = ? ORDER BY name COLLATE NOCASE, id',
        )
        .all(functionName);
      return rows.map(toSaved).filter((saved) => saved !== undefined);
    },
    create(functionName, { name, request }) {
      const id = randomUUID();
      write(() => {
        db.prepare(
          'INSERT INTO test_requests (id, function_name, name, request, updated_at) VALUES (?, ?, ?, ?, ?)',
        ).run(id, functionName, name, JSON.stringify(request), new Date().toISOString());
      }, name);
      return get(functionName, id);
    },
    update(functionName, id, patch) {
      const current = get(functionName, id);
      const name = patch.name ?? current.name;
      write(() => {
        db.prepare(
          'UPDATE test_requests SET name = ?, request = ?, updated_at = ? WHERE function_name = ? AND id = ?',
        ).run(name, JSON.stringify(patch.request ?? current.request), new Date().toISOString(), functionName, id);
      }, name);
      return get(functionName, id);
    },
    delete(functionName, id) {
      const { changes } = db
        .prepare('DELETE FROM test_requests WHERE function_name = ? AND id = ?')
        .run(functionName, id);
      if (changes === 0) throw notFound(id);
    },
  };
}
