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

/**
 * Call after every write to functions, triggers, versions or aliases (inside its transaction is fine);
 * a gateway process's follower store is bumped when the primary says config changed.
 */
export function bumpGeneration(db: Db): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

/** Moves on at every bumpGeneration: an OpenAPI call that changed it wrote config (gateways/config-changes.ts). */
export function generationOf(db: Db): number {
  return generations.get(db) ?? 0;
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

export function createReadCache(db: Db): ReadCache {
  const entries = new Map<string, object>();
  let generation = generationOf(db);
  return {
    get<T extends object>(key: string, load: () => T | undefined): T | undefined {
      const now = generationOf(db);
      if (now !== generation) {
        entries.clear();
        generation = now;
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
