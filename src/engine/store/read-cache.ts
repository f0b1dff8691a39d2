import type { Db } from './database';

/**
 * Every HTTP trigger request looks up its trigger and its function (version, alias); done in SQLite
 * each time, these lookups were a large share of the gateway's busy time (npm run bench). They
 * are cached here with deliberately coarse invalidation: every write to functions, triggers,
 * versions or aliases bumps one generation number per database, and an entry from an older
 * generation is a miss. Config changes are rare and must apply to the very next request, so
 * forgetting everything on any write is simpler and safer than tracking what each write touches.
 */
const generations = new WeakMap<Db, number>();

/** Call after every write to functions, triggers, versions or aliases (inside its transaction is fine). */
export function bumpGeneration(db: Db): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

function generationOf(db: Db): number {
  return generations.get(db) ?? 0;
}

/**
 * A connection that another process writes through (a follower's) never sees the bumps above.
 * SQLite's data_version changes whenever another connection committed to the file, so it is the
 * follower's generation. Any commit counts (the async queue's too): a spurious miss costs a reload,
 * a missed change would serve a stale config. Reading it takes the WAL read lock (a few µs), so
 * it is read once per synchronous run: a request's lookups (trigger, function, alias) share one
 * read, and no request can arrive within a run, so each still sees every commit made before it came.
 */
function externalVersionOf(db: Db): () => number {
  const statement = db.prepare('PRAGMA data_version').pluck();
  let known: number | undefined;
  const forget = () => {
    known = undefined;
  };
  return () => {
    if (known === undefined) {
      known = statement.get() as number;
      queueMicrotask(forget);
    }
    return known;
  };
}

/** Keys come from request Host headers: the cache forgets everything past this many. */
const MAX_ENTRIES = 1000;

/** Every caller gets the same object: frozen, so that none can change what the next one reads. */
function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner as object);
  return Object.freeze(value);
}

export type ReadCache = {
  /** The cached value for key, or load()'s; undefined is not cached (an unknown host stays a lookup). */
  get<T extends object>(key: string, load: () => T | undefined): T | undefined;
};

export type ReadCacheOptions = {
  /** Other processes write the database: also forget everything when they committed. */
  externalWriters?: boolean;
};

export function createReadCache(db: Db, options: ReadCacheOptions = {}): ReadCache {
  const entries = new Map<string, object>();
  const externalVersion = options.externalWriters ? externalVersionOf(db) : () => 0;
  let generation = generationOf(db);
  let external = externalVersion();
  return {
    get<T extends object>(key: string, load: () => T | undefined): T | undefined {
      const now = generationOf(db);
      const nowExternal = externalVersion();
      if (now !== generation || nowExternal !== external) {
        entries.clear();
        generation = now;
        external = nowExternal;
      }
      const hit = entries.get(key);
      if (hit) return hit as T;
      const value = load();
      if (value === undefined) return undefined;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, deepFreeze(value));
      return value;
    },
  };
}
