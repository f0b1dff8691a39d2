type Waiting<T> = { item: T; resolve: (committed: boolean) => void; reject: (error: unknown) => void };

/** Enough to keep one transaction short; the rest wait for the next turn. */
const MAX_GROUP = 1024;
/** Groups being synced at once: a group need not wait for the sync before it, only for its own. */
const MAX_SYNCING = 2;

/**
 * Group commit: the items waiting are written by one call of `commitAll` (one transaction), then
 * made durable by one `sync` (one fsync, off the event loop), and each caller is answered only
 * once its group is on disk. The items that arrive while groups are syncing form
 * the next one. A sync covers everything written before it, so each caller waits for its group's
 * own; up to MAX_SYNCING groups are synced at once, and the more callers wait, the fewer fsyncs each pays for.
 */
export function createGroupCommit<T>(
  commitAll: (items: T[]) => boolean[],
  sync: () => Promise<void> = () => Promise.resolve(),
  maxGroup = MAX_GROUP,
) {
  let waiting: Array<Waiting<T>> = [];
  let scheduled = false;
  let syncing = 0;
  const drained: Array<() => void> = [];

  function schedule(): void {
    if (scheduled || syncing >= MAX_SYNCING) return;
    scheduled = true;
    setImmediate(() => void flush());
  }

  async function flush(): Promise<void> {
    scheduled = false;
    const group = waiting.slice(0, maxGroup);
    waiting = waiting.slice(group.length);
    if (!group.length) return;
    syncing++;
    if (waiting.length) schedule();
    try {
      const committed = commitAll(group.map((w) => w.item));
      await sync();
      group.forEach((w, i) => w.resolve(committed[i] === true));
    } catch (error) {
      group.forEach((w) => w.reject(error));
    } finally {
      syncing--;
    }
    if (waiting.length) schedule();
    else if (!syncing) for (const done of drained.splice(0)) done();
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
