import type Database from 'better-sqlite3';

/** Append-only: a migration, once shipped, is never edited; add the next one instead. */
const STORE_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'functions, triggers, versions, aliases',
    sql: `
      CREATE TABLE functions (
        function_name TEXT PRIMARY KEY,
        function_id TEXT NOT NULL UNIQUE,
        config TEXT NOT NULL,
        code_checksum TEXT NOT NULL,
        code_size INTEGER NOT NULL,
        last_version_id INTEGER NOT NULL DEFAULT 0,
        created_time TEXT NOT NULL,
        last_modified_time TEXT NOT NULL
      );
      CREATE TABLE triggers (
        trigger_id TEXT PRIMARY KEY,
        function_name TEXT NOT NULL REFERENCES functions(function_name) ON DELETE CASCADE,
        trigger_name TEXT NOT NULL,
        trigger_type TEXT NOT NULL,
        qualifier TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        trigger_config TEXT NOT NULL,
        url_label TEXT NOT NULL UNIQUE,
        created_time TEXT NOT NULL,
        last_modified_time TEXT NOT NULL,
        UNIQUE (function_name, trigger_name)
      );
      -- One HTTP trigger per function version or alias (seed rule).
      CREATE UNIQUE INDEX triggers_one_http_per_qualifier ON triggers (function_name, qualifier)
        WHERE trigger_type = 'http';
      CREATE TABLE versions (
        function_name TEXT NOT NULL REFERENCES functions(function_name) ON DELETE CASCADE,
        version_id INTEGER NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        snapshot TEXT NOT NULL,
        created_time TEXT NOT NULL,
        last_modified_time TEXT NOT NULL,
        PRIMARY KEY (function_name, version_id)
      );
      CREATE TABLE aliases (
        function_name TEXT NOT NULL REFERENCES functions(function_name) ON DELETE CASCADE,
        alias_name TEXT NOT NULL,
        version_id INTEGER NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        additional_version_weight TEXT NOT NULL DEFAULT '{}',
        created_time TEXT NOT NULL,
        last_modified_time TEXT NOT NULL,
        PRIMARY KEY (function_name, alias_name)
      );
    `,
  },
  {
    id: 2,
    name: 'function sub-resources: concurrency, provision, scaling, VPC bindings, tags',
    sql: `
      CREATE TABLE concurrency_configs (
        function_name TEXT PRIMARY KEY REFERENCES functions(function_name) ON DELETE CASCADE,
        reserved_concurrency INTEGER NOT NULL
      );
      CREATE TABLE provision_configs (
        function_name TEXT NOT NULL REFERENCES functions(function_name) ON DELETE CASCADE,
        qualifier TEXT NOT NULL,
        config TEXT NOT NULL,
        PRIMARY KEY (function_name, qualifier)
      );
      CREATE TABLE scaling_configs (
        function_name TEXT NOT NULL REFERENCES functions(function_name) ON DELETE CASCADE,
        qualifier TEXT NOT NULL,
        config TEXT NOT NULL,
        PRIMARY KEY (function_name, qualifier)
      );
      CREATE TABLE vpc_bindings (
        function_name TEXT NOT NULL REFERENCES functions(function_name) ON DELETE CASCADE,
        vpc_id TEXT NOT NULL,
        PRIMARY KEY (function_name, vpc_id)
      );
      CREATE TABLE function_tags (
        function_name TEXT NOT NULL REFERENCES functions(function_name) ON DELETE CASCADE,
        tag_key TEXT NOT NULL,
        tag_value TEXT NOT NULL,
        PRIMARY KEY (function_name, tag_key)
      );
    `,
  },
  {
    // Id 10, not 3: other slices of the same session add the next ids; these must not collide.
    id: 10,
    name: 'custom domains',
    sql: `
      CREATE TABLE custom_domains (
        domain_name TEXT PRIMARY KEY,
        config TEXT NOT NULL,
        created_time TEXT NOT NULL,
        last_modified_time TEXT NOT NULL
      );
    `,
  },
];

export type Migration = { id: number; name: string; sql: string };

/**
 * Apply the migrations not yet recorded, each in its own transaction. The store's own ids are
 * 1–99; other engine modules (the async queue) add their tables through this with ids of 100 up.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_time TEXT NOT NULL
  )`);
  const applied = new Set(
    db
      .prepare('SELECT id FROM migrations')
      .all()
      .map((row) => (row as { id: number }).id),
  );
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO migrations (id, name, applied_time) VALUES (?, ?, ?)').run(
        migration.id,
        migration.name,
        new Date().toISOString(),
      );
    })();
  }
}

export function migrateStore(db: Database.Database): void {
  applyMigrations(db, STORE_MIGRATIONS);
}
