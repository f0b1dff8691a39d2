/**
 * One read-compare-write at a time per key (a function's code, a trigger): two requests through this
 * bff cannot both read the same version and then both write. It orders this bff's own requests only;
 * another client of FC is caught by the If-Match comparison, not by this lock.
 */
export type ResourceLock = <T>(key: string, work: () => Promise<T>) => Promise<T>;

export function createResourceLock(): ResourceLock {
  const tails = new Map<string, Promise<void>>();
  return async (key, work) => {
    const previous = tails.get(key) ?? Promise.resolve();
    let release = () => {};
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
