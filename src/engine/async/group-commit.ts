type Waiting<T> = { item: T; resolve: (committed: boolean) => void; reject: (error: unknown) => void };

/** Enough to keep one transaction short; the rest wait for the next turn. */
const MAX_GROUP = 1024;

/**
 * Group commit: every item added in one turn of the event loop is written by one call of
 * `commitAll` (one transaction, so one fsync), and each caller is answered only once its group is
 * on disk. While a commit blocks the loop, new requests queue in the kernel and form the next
 * group, so the more callers wait, the fewer fsyncs each pays for.
 */
export function createGroupCommit<T>(commitAll: (items: T[]) => boolean[], maxGroup = MAX_GROUP) {
  let waiting: Array<Waiting<T>> = [];
  let scheduled = false;
  const drained: Array<() => void> = [];

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  function flush(): void {
    scheduled = false;
    const group = waiting.slice(0, maxGroup);
    waiting = waiting.slice(group.length);
    if (waiting.length) schedule();
    try {
      const committed = commitAll(group.map((w) => w.item));
      group.forEach((w, i) => w.resolve(committed[i] === true));
    } catch (error) {
      group.forEach((w) => w.reject(error));
    }
    if (!waiting.length) for (const done of drained.splice(0)) done();
  }

  return {
    /** Resolves with what `commitAll` said of this item once its group is committed; rejects if the commit threw. */
    add(item: T): Promise<boolean> {
      return new Promise((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        schedule();
      });
    },
    /** Resolves when everything added so far has been committed (or refused). */
    drain(): Promise<void> {
      if (!waiting.length) return Promise.resolve();
      return new Promise((resolve) => drained.push(resolve));
    },
  };
}
