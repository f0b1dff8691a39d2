import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { RecordingLimits } from '../config';
import { recordedRow } from './recorded-row';
import { openRecordingsDatabase } from './recordings-database';
import { createRecordingsStore } from './recordings-store';
import { unpackBatch, type PostedBatch } from './recording-message';
import { createRequestMetrics } from './request-metrics';

/** What the engine's thread posts, in order; each is answered with its `id` once done. */
export type ToRecordingThread =
  { id: number; batch: PostedBatch } | { id: number; deleteFunction: string } | { id: number; close: true };

export type FromRecordingThread = { done: number; threadId: number; error?: string };

export type RecordingThreadData = { dataDir: string; limits: RecordingLimits };

// The recorder's batch writer, in a thread of its own (recording-writer.ts starts it): redaction,
// rows, JSON and every write to recordings.db happen here, never on the gateway's event loop.
const { dataDir, limits } = workerData as RecordingThreadData;
const db = openRecordingsDatabase(dataDir);
const store = createRecordingsStore(db, limits);
const metrics = createRequestMetrics(db);
const writeBatch = db.transaction((posted: PostedBatch) => {
  const batch = unpackBatch(posted);
  // Redacted before the insert: a secret never reaches the database or its WAL.
  store.insert(batch.map(recordedRow));
  metrics.add(batch, posted.now);
});
const dropFunction = db.transaction((functionName: string) => {
  store.deleteFunction(functionName);
  metrics.deleteFunction(functionName);
});

parentPort!.on('message', (message: ToRecordingThread) => {
  let error: string | undefined;
  try {
    if ('batch' in message) writeBatch(message.batch);
    else if ('deleteFunction' in message) dropFunction(message.deleteFunction);
    else db.close();
  } catch (failed) {
    error = String(failed);
  }
  parentPort!.postMessage({ done: message.id, threadId, ...(error ? { error } : {}) } satisfies FromRecordingThread);
  if ('close' in message) parentPort!.close();
});
