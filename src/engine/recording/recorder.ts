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
import { packObservations } from './captured-request';
import { openRecordingsReader } from './recordings-database';
import { createRecordingsStore } from './recordings-store';
import { createRecordingQueue, type RecordingQueueOptions } from './recording-queue';
import { startRecordingWriter } from './recording-writer';
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
  list(functionName: string, query: RecordedRequestsQuery): Promise<RecordedRequestsPage>;
  get(functionName: string, requestId: string): Promise<RecordedRequest | undefined>;
  metrics(functionName: string, query: MetricsQuery): Promise<RequestMetrics>;
  /** DeleteFunction: the function's rows and figures go with it. */
  deleteFunction(functionName: string): void;
  /** Stores what waits; readers wait for it first, so they see every answered request. */
  flush(): Promise<void>;
  /** A debug stat: the thread that writes recordings.db (never the engine's event loop). */
  writerThreadId(): number | undefined;
  /** Stores what waits, then ends the recording thread and closes the readers' connection. */
  close(): Promise<void>;
};

/**
 * Request recording (issue 11): the gateway pushes a capture into a bounded queue; every few
 * milliseconds its batch is copied to plain data and posted to the recording thread, which redacts
 * and stores it, rows and per-minute figures, in one transaction of `<dataDir>/recordings.db`. This
 * thread only reads, on a read-only connection. See docs/decisions (request recording, 025).
 */
export function createRecorder(options: RecorderOptions): Recorder {
  const clock = options.clock ?? { now: Date.now, elapsed: () => performance.now() };
  const db = openRecordingsReader(options.dataDir);
  const writer = startRecordingWriter(options.dataDir, options.limits, options.queue?.warn);
  const store = createRecordingsStore(db, options.limits);
  const metrics = createRequestMetrics(db);
  const write = (batch: Observation[]) => writer.writePacked(packObservations(batch, clock.now()), batch.length);
  const queue = createRecordingQueue<Observation>({ ...options.queue, write, backlog: () => writer.inFlight });
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
  const flush = () => {
    queue.flush();
    return writer.settled();
  };

  return {
    gateway,
    async list(functionName, query) {
      await flush();
      return store.list(functionName, query);
    },
    async get(functionName, requestId) {
      await flush();
      const found = store.get(functionName, requestId);
      const logs = found && options.logs?.get(functionName, requestId)?.logs;
      return found && (logs !== undefined ? { ...found, logs } : found);
    },
    async metrics(functionName, query) {
      await flush();
      return metrics.query(functionName, query, clock.now());
    },
    deleteFunction(functionName) {
      // After what waits, in the thread's order: a row still queued for the function is dropped with it.
      queue.flush();
      writer.deleteFunction(functionName);
    },
    flush,
    writerThreadId: () => writer.threadId,
    async close() {
      queue.flush();
      await writer.close();
      db.close();
    },
  };
}
