type Waiting<T> = { item: T; resolve: (committed: boolean) => void; reject: (error: unknown) => void };

/** Calls `done` once everything committed before the call is on disk. */
export type SyncToDisk = (done: (error: Error | null) => void) => void;

/** Enough to keep one transaction short; the rest wait for the next turn. */
const MAX_GROUP = 1024;
/**
 * Groups being synced at once: a group waits for its own sync only, never for the one before it,
 * and the syncs in flight share the disk's flushes (libuv's pool has four threads).
 */
const MAX_SYNCING = 4;

/**
 * Group commit: the items that arrived during one turn of the event loop are written by one call of
 * `commitAll` (one transaction) in the turn's check phase, then made durable by one `sync` (one
 * fsync, off the event loop), and each caller is answered from that sync's completion, once its
 * group is on disk. The items that arrive while groups are syncing form the next one, committed at
 * once: a sync covers everything written before it, so each caller waits for its group's own.
 */
export function createGroupCommit<T>(
  commitAll: (items: T[]) => boolean[],
  sync: SyncToDisk = (done) => done(null),
  maxGroup = MAX_GROUP,
) {
  let waiting: Array<Waiting<T>> = [];
  let scheduled = false;
  let syncing = 0;
  const drained: Array<() => void> = [];

  function schedule(): void {
    if (scheduled || syncing >= MAX_SYNCING) return;
    scheduled = true;
    setImmediate(flush);
  }

  function settled(): void {
    if (waiting.length) schedule();
    else if (!syncing) for (const done of drained.splice(0)) done();
  }

  function flush(): void {
    scheduled = false;
    if (!waiting.length) return;
    const group = waiting.length > maxGroup ? waiting.splice(0, maxGroup) : waiting;
    if (group === waiting) waiting = [];
    let committed: boolean[];
    try {
      committed = commitAll(group.map((w) => w.item));
    } catch (error) {
      for (const w of group) w.reject(error);
      return settled();
    }
    syncing++;
    sync((error) => {
      syncing--;
      if (error) for (const w of group) w.reject(error);
      else for (let i = 0; i < group.length; i++) group[i]!.resolve(committed[i] === true);
      settled();
    });
    if (waiting.length) schedule();
  }

  return {
    /** Resolves with what `commitAll` said of this item once its group is on disk; rejects if the commit threw. */
    add(item: T): Promise<boolean> {
      return new Promise((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        schedule();
      });
    },
    /** Resolves when everything added so far has been committed (or refused). */
    drain(): Promise<void> {
      if (!waiting.length && !syncing) return Promise.resolve();
      return new Promise((resolve) => drained.push(resolve));
    },
  };
}
