export type RecordingQueueOptions<T> = {
  /** Writes one batch (one transaction); runs off the request path. */
  write(batch: T[]): void;
  /**
   * How a flush is scheduled after a push; default a few milliseconds later, so that a quiet stream of
   * requests (one connection) still shares its transactions instead of paying one per request.
   */
  schedule?: (flush: () => void) => void;
  /** Past this many waiting, a request is not recorded at all (and that is said once). */
  maxPending?: number;
  /** Past this many waiting, a request is recorded without its detail (headers, bodies). */
  maxPendingDetail?: number;
  maxBatch?: number;
  /** Items written but not yet stored (posted to the recording thread): they count against the bounds too. */
  backlog?: () => number;
  warn?: (line: string) => void;
};

/** At the engine's top rate this gathers well under `maxPendingDetail` requests per batch. */
const FLUSH_DELAY_MS = 20;

export const QUEUE_DEFAULTS = { maxPending: 10_000, maxPendingDetail: 256, maxBatch: 500 } as const;

export type RecordingQueue<T> = {
  wantsDetail(): boolean;
  /** False when the queue was full and the item was dropped. Never throws. */
  push(item: T): boolean;
  /** Writes everything waiting now (a reader calls it first, so it sees every answered request). */
  flush(): void;
  readonly pending: number;
  readonly dropped: number;
};

/**
 * The ring between the gateway and the store: the request path only appends to an array; a batch
 * writer, scheduled a few milliseconds after the first push, writes up to `maxBatch` items per transaction.
 * A failing write loses its batch and is said once; it never reaches a request.
 */
export function createRecordingQueue<T>(options: RecordingQueueOptions<T>): RecordingQueue<T> {
  const schedule = options.schedule ?? ((flush) => void setTimeout(flush, FLUSH_DELAY_MS).unref());
  const maxPending = options.maxPending ?? QUEUE_DEFAULTS.maxPending;
  const maxPendingDetail = options.maxPendingDetail ?? QUEUE_DEFAULTS.maxPendingDetail;
  const maxBatch = options.maxBatch ?? QUEUE_DEFAULTS.maxBatch;
  const backlog = options.backlog ?? (() => 0);
  const warn = options.warn ?? ((line: string) => console.warn(line));
  let pending: T[] = [];
  let scheduled = false;
  let dropped = 0;
  const said = new Set<string>();
  const sayOnce = (key: string, line: string) => {
    if (said.has(key)) return;
    said.add(key);
    warn(line);
  };

  function writeSome(): void {
    const batch = pending.length > maxBatch ? pending.slice(0, maxBatch) : pending;
    pending = pending.length > maxBatch ? pending.slice(maxBatch) : [];
    try {
      options.write(batch);
    } catch (error) {
      sayOnce('write', `[recording] could not store recorded requests: ${String(error)}`);
    }
  }

  function onTurn(): void {
    scheduled = false;
    writeSome();
    if (pending.length) arm();
  }

  function arm(): void {
    if (scheduled) return;
    scheduled = true;
    schedule(onTurn);
  }

  return {
    wantsDetail: () => pending.length + backlog() < maxPendingDetail,
    push(item) {
      if (pending.length + backlog() >= maxPending) {
        dropped++;
        sayOnce('full', `[recording] the recorder is behind: requests past ${maxPending} waiting are not recorded`);
        return false;
      }
      pending.push(item);
      arm();
      return true;
    },
    flush() {
      while (pending.length) writeSome();
    },
    get pending() {
      return pending.length;
    },
    get dropped() {
      return dropped;
    },
  };
}
