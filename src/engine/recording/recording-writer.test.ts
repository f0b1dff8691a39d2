import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecorder, type Recorder } from './recorder';
import { openRecordingsReader, RECORDINGS_FILE } from './recordings-database';
import { sendObserved } from './testing/observed-requests';
import { recordingFileBytes } from './testing/recording-engine';

const SECRET = 'tok-writer-thread-secret';
const LIMITS = { perFunction: 100, totalBytes: 1024 * 1024 };

/** recordings.db's indexes before decision 036. */
const PREVIOUS_INDEXES = `
DROP INDEX recorded_requests_newest;
CREATE INDEX recorded_requests_by_function ON recorded_requests (function_name, seq);
CREATE INDEX recorded_requests_by_id ON recorded_requests (function_name, request_id);
`;

const dirs: string[] = [];
const recorders: Recorder[] = [];
afterEach(async () => {
  await Promise.all(recorders.splice(0).map((r) => r.close()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function recorderOn(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-recording-writer-'))) {
  if (!dirs.includes(dataDir)) dirs.push(dataDir);
  const recorder = createRecorder({ dataDir, limits: LIMITS });
  recorders.push(recorder);
  return { recorder, dataDir };
}

/** Requests over real HTTP that the recorder observes as the gateway would, each echoing its body. */
async function send(recorder: Recorder, count: number): Promise<void> {
  const replies = await sendObserved(recorder.gateway!, count, {
    headers: { authorization: `Bearer ${SECRET}` },
    body: `echo ${SECRET}`,
  });
  for (const reply of replies) expect(reply.body).toBe(`echo ${SECRET}`);
}

describe('the recording thread', () => {
  it('stores recordings from a thread other than the engine’s, which holds only a read-only connection', async () => {
    const { recorder, dataDir } = recorderOn();
    await send(recorder, 3);
    const { requests } = await recorder.list('fn', {});
    expect(requests.map((r) => r.requestId).sort()).toEqual(['req-0', 'req-1', 'req-2']);
    expect(recorder.writerThreadId()).toEqual(expect.any(Number));
    expect(recorder.writerThreadId()).not.toBe(threadId);
    const detail = await recorder.get('fn', 'req-1');
    expect(detail?.request?.body.data).not.toContain(SECRET);
    expect(detail?.response?.body.data).not.toContain(SECRET);
    expect(recordingFileBytes(dataDir).includes(SECRET)).toBe(false);
    // The engine thread's kind of connection cannot write: every row above came from the thread.
    const reader = openRecordingsReader(dataDir);
    expect(reader.readonly).toBe(true);
    expect(() => reader.prepare('DELETE FROM recorded_requests').run()).toThrow(/readonly/i);
    reader.close();
  });

  it('writes the last batch when closed, and the recordings are there at the next start', async () => {
    const first = recorderOn();
    await send(first.recorder, 2);
    // No reader waited: the batch is still queued (or in the thread) when the engine closes.
    await first.recorder.close();
    recorders.splice(recorders.indexOf(first.recorder), 1);
    const { recorder } = recorderOn(first.dataDir);
    const { requests } = await recorder.list('fn', {});
    expect(requests).toHaveLength(2);
  });

  it('deletes a function’s rows after those still on their way', async () => {
    const { recorder } = recorderOn();
    await send(recorder, 2);
    recorder.deleteFunction('fn');
    expect((await recorder.list('fn', {})).requests).toEqual([]);
  });

  it('opens a recordings.db of the previous schema (its request-id index too): old requests are found, new ones recorded', async () => {
    const first = recorderOn();
    await send(first.recorder, 2);
    await first.recorder.close();
    recorders.splice(recorders.indexOf(first.recorder), 1);
    const old = new Database(path.join(first.dataDir, RECORDINGS_FILE));
    old.exec(PREVIOUS_INDEXES);
    const before = old.prepare('SELECT seq, request_id FROM recorded_requests ORDER BY seq').all();
    old.close();
    const { recorder } = recorderOn(first.dataDir);
    expect((await recorder.get('fn', 'req-1'))?.request?.body.size).toBe(`echo ${SECRET}`.length);
    await send(recorder, 3);
    const { requests } = await recorder.list('fn', {});
    expect(requests.map((r) => r.requestId)).toEqual(['req-2', 'req-1', 'req-0', 'req-1', 'req-0']);
    expect(requests.slice(-2).map((r) => r.seq)).toEqual(before.map((row) => (row as { seq: number }).seq).reverse());
    expect((await recorder.get('fn', 'req-1'))?.seq).toBe(requests[1]!.seq);
    expect((await recorder.list('fn', { requestId: 'req-0' })).requests.map((r) => r.seq)).toEqual([
      requests[2]!.seq,
      requests[4]!.seq,
    ]);
  });
});
