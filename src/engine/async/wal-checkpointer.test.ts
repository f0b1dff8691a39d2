import fs from 'node:fs';
import { afterEach, expect, it, vi } from 'vitest';
import { checkpointOffTheLoop } from './wal-checkpointer';
import { openTestDatabase, removeDatabaseFile, tempDatabaseFile } from './testing/queue-database';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

it('copies what the WAL holds into the database file without the writer checkpointing', async () => {
  const file = tempDatabaseFile();
  const db = openTestDatabase(file);
  const stop = checkpointOffTheLoop(db);
  cleanups.push(() => (stop(), db.close(), removeDatabaseFile(file)));
  db.exec('CREATE TABLE rows (data BLOB)');
  const insert = db.prepare('INSERT INTO rows VALUES (?)');
  // About 2,000 pages in 200 commits: past SQLite's default threshold, under the writer's backstop.
  for (let i = 0; i < 200; i++) db.transaction(() => insert.run(Buffer.alloc(40_000, i)))();

  // The writer's own checkpoint waits for 4,000 pages: the database file grows only by the thread's.
  await vi.waitFor(() => expect(fs.statSync(file).size).toBeGreaterThan(8_000_000), { timeout: 5_000, interval: 50 });
  expect(db.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(200);
});
