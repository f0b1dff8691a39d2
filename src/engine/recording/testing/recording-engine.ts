import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getEngineOperation } from '../../../contract/engine-operation';
import {
  recordedRequestPath,
  recordedRequestSchema,
  recordedRequestsPageSchema,
  recordedRequestsPath,
  requestMetricsPath,
  requestMetricsSchema,
} from '../../../contract/recorded-request';
import type { RecordingLimits } from '../../config';
import { startHarness, type Harness } from '../../conformance/harness';
import type { LocalEngineOptions } from '../../local-engine';
import { RECORDINGS_FILE } from '../recordings-database';

/**
 * An engine with the recording bounds a test needs, on a data dir that outlives it (`restart`
 * starts another engine on it); `close` removes the data dir.
 */
export function startRecordingEngine(
  recording?: RecordingLimits,
  options: LocalEngineOptions = {},
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-recording-')),
): Promise<Harness & { stop(): Promise<void> }> {
  return startHarness(options, { dataDir, recording });
}

type Client = Harness['client'];

/** ListRecordedRequests, signed as the SDK signs its own calls; the answer parsed by the contract. */
export async function listRecorded(client: Client, functionName: string, query: Record<string, string> = {}) {
  const body = await getEngineOperation(client, 'ListRecordedRequests', recordedRequestsPath(functionName), query);
  return recordedRequestsPageSchema.parse(body);
}

export async function getRecorded(client: Client, functionName: string, requestId: string) {
  const body = await getEngineOperation(client, 'GetRecordedRequest', recordedRequestPath(functionName, requestId));
  return recordedRequestSchema.parse(body);
}

export async function getMetrics(client: Client, functionName: string, query: Record<string, string> = {}) {
  const body = await getEngineOperation(client, 'GetRequestMetrics', requestMetricsPath(functionName), query);
  return requestMetricsSchema.parse(body);
}

/** Every byte SQLite keeps of the recordings (the database and its write-ahead log), to search for a secret. */
export function recordingFileBytes(dataDir: string): Buffer {
  const file = path.join(dataDir, RECORDINGS_FILE);
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}
