/** How long a reader waits for one gateway process to flush before it reads without it. */
export const RELAY_FLUSH_WAIT_MS = 2000;

/** The gateway processes whose recordings or logs a reader in the primary waits for. */
export type RelaySources = {
  /** `flush` settles once what the process answered so far has reached the primary; the result removes it. */
  add(flush: () => Promise<unknown>): () => void;
  /** Every source flushed, failed or past the wait: a process gone or stuck never hangs a reader. */
  settled(): Promise<void>;
  readonly size: number;
};

export function createRelaySources(waitMs = RELAY_FLUSH_WAIT_MS): RelaySources {
  const sources = new Set<() => Promise<unknown>>();
  return {
    add(flush) {
      sources.add(flush);
      return () => void sources.delete(flush);
    },
    async settled() {
      await Promise.all(Array.from(sources, (flush) => withinWait(flush, waitMs)));
    },
    get size() {
      return sources.size;
    },
  };
}

function withinWait(flush: () => Promise<unknown>, waitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  const flushed = Promise.resolve()
    .then(flush)
    .then(
      () => undefined,
      () => undefined,
    );
  return Promise.race([flushed, waited]).finally(() => clearTimeout(timer));
}
