import { performance } from 'node:perf_hooks';
import type {
  MetricsQuery,
  RecordedRequest,
  RecordedRequestsPage,
  RecordedRequestsQuery,
  RequestMetrics,
} from '../../contract/recorded-request';
import { createRelaySources } from '../gateways/relay-sources';
import type { InvocationLogs } from '../invoke/invocation-logs';
import type { GatewayRecorder } from './capture';
import { createCapture, type CaptureSettings } from './recording-capture';
import type { PostedBatch } from './recording-message';
import { openRecordingsReader } from './recordings-database';
import { createRecordingsStore } from './recordings-store';
import { startRecordingWriter } from './recording-writer';
import { createRequestMetrics } from './request-metrics';

export type RecorderOptions = CaptureSettings & {
  dataDir: string;
  /** Where a function's logs are read from when a recorded request is opened (linked by request id). */
  logs?: InvocationLogs;
};

/** What the relay from a gateway process needs of the primary's recorder (gateways/relay.ts). */
export type RecorderRelay = {
  /** A gateway process: `flush` and the readers ask it first (its `flush` settles once its batches arrived). */
  from(flush: () => Promise<unknown>): () => void;
  /** A batch packed in a gateway process, to the recording thread; settles once it is stored. */
  write(packed: PostedBatch, count: number): Promise<void>;
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
  /** Recordings relayed from the engine's other gateway processes. */
  relayed: RecorderRelay;
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
  const { gateway, flush: flushQueue } = createCapture({
    ...options,
    clock,
    write: (packed, count) => writer.writePacked(packed, count),
    backlog: () => writer.inFlight,
  });
  const sources = createRelaySources();
  const flushHere = () => {
    flushQueue();
    return writer.settled();
  };
  // Without gateway processes, a reader waits for nothing more than before.
  const flush = () => (sources.size ? sources.settled().then(flushHere) : flushHere());

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
      flushQueue();
      writer.deleteFunction(functionName);
      // Rows of it a gateway process had still queued arrive after the delete: they go too.
      if (sources.size) void sources.settled().then(() => writer.deleteFunction(functionName));
    },
    flush,
    relayed: {
      from: sources.add,
      write(packed, count) {
        writer.writePacked(packed, count);
        return writer.settled();
      },
    },
    writerThreadId: () => writer.threadId,
    async close() {
      flushQueue();
      await writer.close();
      db.close();
    },
  };
}
