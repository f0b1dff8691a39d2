import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteConcurrency, putConcurrency } from './concurrency-store';
import { openEngineStore, type EngineStore } from './engine-store';
import { insertFunction } from './functions-store';
import { nodeSettings, tempDataDir } from './store-fixtures';

const NEW_TABLES = ['concurrency_configs', 'provision_configs', 'scaling_configs', 'vpc_bindings', 'function_tags'];

let store: EngineStore | undefined;
let dataDir = '';
afterEach(() => {
  store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function openWithFunction(): EngineStore {
  dataDir = tempDataDir();
  store = openEngineStore(dataDir);
  insertFunction(store.db, 'fn', nodeSettings, store.saveCode(new Uint8Array([1])));
  return store;
}

describe('the function sub-resources in the store', () => {
  it('a database from before migration 2 gains the tables and keeps its functions', () => {
    const s = openWithFunction();
    for (const table of NEW_TABLES) s.db.exec(`DROP TABLE ${table}`);
    s.db.exec('DELETE FROM migrations WHERE id = 2');
    s.close();

    store = openEngineStore(dataDir);
    expect(store.db.prepare('SELECT id FROM migrations ORDER BY id').all()).toEqual([{ id: 1 }, { id: 2 }, { id: 10 }]);
    expect(store.resolveQualifier('fn')?.functionName).toBe('fn');
    expect(putConcurrency(store.db, 'fn', 2)).toEqual({ functionName: 'fn', reservedConcurrency: 2 });
  });

  it('what runs carries the reserved concurrency from the very next lookup after a put or a delete', () => {
    const s = openWithFunction();
    expect(s.resolveQualifier('fn')?.reservedConcurrency).toBeUndefined();
    putConcurrency(s.db, 'fn', 3);
    expect(s.resolveQualifier('fn')?.reservedConcurrency).toBe(3);
    putConcurrency(s.db, 'fn', 0);
    expect(s.resolveQualifier('fn')?.reservedConcurrency).toBe(0);
    deleteConcurrency(s.db, 'fn');
    expect(s.resolveQualifier('fn')?.reservedConcurrency).toBeUndefined();
  });
});
