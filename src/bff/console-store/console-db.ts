import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type ConsoleDb = Database.Database;

export const CONSOLE_DB_FILE = 'console.db';

const MIGRATIONS = [
  `CREATE TABLE test_requests (
     id TEXT PRIMARY KEY,
     function_name TEXT NOT NULL,
     name TEXT NOT NULL,
     request TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (function_name, name)
   );
   CREATE TABLE invocations (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     function_name TEXT NOT NULL,
     result TEXT NOT NULL
   );
   CREATE INDEX invocations_by_function ON invocations (function_name, seq);`,
];

function migrate(db: ConsoleDb): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next]!);
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}

/**
 * The data dir is its owner's alone (0700, files 0600), and so is this database with its -wal and
 * -shm, including those an older version left readable; SQLite gives new -wal/-shm the db's mode.
 */
function privateDbFile(dataDir: string): string {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  const file = path.join(dataDir, CONSOLE_DB_FILE);
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const name of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(name)) fs.chmodSync(name, 0o600);
  return file;
}

/**
 * The console's own SQLite database (saved test requests, invocation history), apart from the
 * engine's: in cloud mode there is no engine, and the console's data is not Function Compute's.
 * `:memory:` for tests.
 */
export function openConsoleDb(dataDir: string | ':memory:'): ConsoleDb {
  let db: ConsoleDb;
  if (dataDir === ':memory:') db = new Database(':memory:');
  else {
    db = new Database(privateDbFile(dataDir));
    db.pragma('journal_mode = WAL');
  }
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
