import { performance } from 'node:perf_hooks';
import {
  RECORDING_DEFAULTS,
  type MetricsQuery,
  type RecordedRequest,
  type RecordedRequestsPage,
  type RecordedRequestsQuery,
  type RequestMetrics,
} from '../../contract/recorded-request';
import type { RecordingLimits } from '../config';
import type { InvocationLogs } from '../invoke/invocation-logs';
import { observeRequest, type GatewayRecorder, type Observation } from './capture';
import { capturedRequest } from './captured-request';
import { checkpointOffTheLoop } from '../async/wal-checkpointer';
import { recordedRow } from './recorded-row';
import { openRecordingsDatabase } from './recordings-database';
import { createRecordingsStore } from './recordings-store';
import { createRecordingQueue, type RecordingQueueOptions } from './recording-queue';
import { createRequestMetrics } from './request-metrics';

export type RecorderOptions = {
  dataDir: string;
  limits: RecordingLimits;
  /** Where a function's logs are read from when a recorded request is opened (linked by request id). */
  logs?: InvocationLogs;
  /** Epoch ms (the request's time, the metrics' minute) and a monotonic ms (durations); injectable for tests. */
  clock?: { now(): number; elapsed(): number };
  bodyBytes?: number;
  queue?: Pick<
    RecordingQueueOptions<Observation>,
    'schedule' | 'maxPending' | 'maxPendingDetail' | 'maxBatch' | 'warn'
  >;
};

export type Recorder = {
  /** The gateway's hook; undefined when recording is off (0 requests per function). */
  gateway: GatewayRecorder | undefined;
  list(functionName: string, query: RecordedRequestsQuery): RecordedRequestsPage;
  get(functionName: string, requestId: string): RecordedRequest | undefined;
  metrics(functionName: string, query: MetricsQuery): RequestMetrics;
  /** DeleteFunction: the function's rows and figures go with it. */
  deleteFunction(functionName: string): void;
  /** Writes what waits; readers call it first. */
  flush(): void;
  close(): void;
};

/**
 * Request recording (issue 11): the gateway pushes a capture into a bounded queue; a batch writer
 * redacts and stores each batch, rows and per-minute figures, in one transaction of
 * `<dataDir>/recordings.db`, off the request path. See docs/decisions (request recording).
 */
export function createRecorder(options: RecorderOptions): Recorder {
  const clock = options.clock ?? { now: Date.now, elapsed: () => performance.now() };
  const db = openRecordingsDatabase(options.dataDir);
  // A batch write that passes SQLite's checkpoint threshold would copy the WAL on the loop.
  const stopCheckpoints = checkpointOffTheLoop(db);
  const store = createRecordingsStore(db, options.limits);
  const metrics = createRequestMetrics(db);
  const writeBatch = db.transaction((observed: Observation[]) => {
    const batch = observed.map(capturedRequest);
    store.insert(batch.map(recordedRow));
    metrics.add(batch, clock.now());
  });
  // A response that ends while the engine shuts down has nowhere to go once the database is closed.
  const write = (batch: Observation[]) => void (db.open && writeBatch(batch));
  const queue = createRecordingQueue<Observation>({ ...options.queue, write });
  const sink = {
    ...clock,
    wantsDetail: queue.wantsDetail,
    push: queue.push,
    bodyBytes: options.bodyBytes ?? RECORDING_DEFAULTS.bodyBytes,
  };
  const gateway: GatewayRecorder | undefined =
    options.limits.perFunction > 0
      ? { observe: (req, res, requestId, seen) => observeRequest(req, res, requestId, seen, sink) }
      : undefined;

  return {
    gateway,
    list(functionName, query) {
      queue.flush();
      return store.list(functionName, query);
    },
    get(functionName, requestId) {
      queue.flush();
      const found = store.get(functionName, requestId);
      const logs = found && options.logs?.get(functionName, requestId)?.logs;
      return found && (logs !== undefined ? { ...found, logs } : found);
    },
    metrics(functionName, query) {
      queue.flush();
      return metrics.query(functionName, query, clock.now());
    },
    deleteFunction(functionName) {
      queue.flush();
      db.transaction(() => {
        store.deleteFunction(functionName);
        metrics.deleteFunction(functionName);
      })();
    },
    flush: queue.flush,
    close() {
      queue.flush();
      stopCheckpoints();
      db.close();
    },
  };
}
