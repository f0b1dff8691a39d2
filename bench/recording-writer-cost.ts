// Not part of `npm run bench`: the recording thread's CPU per recorded request, in-process and alone:
//   [ROUNDS=n] [REQUESTS=n] [BATCH=n] node --import tsx bench/recording-writer-cost.ts [rootDir...]
// Runs what recording-thread.ts does with each posted batch (unpack, redact and shape rows, insert,
// the bounds, the minute's figures, the commit) on a realistic stream into a fresh data dir with the
// default bounds, past the per-function bound first so that its deletes happen as in a steady state.
// The writer's modules are imported from each `rootDir` (default: this tree), so that two trees can be
// alternated, in one process (rounds alternate) or in one shell loop. Only the writer's work is timed:
// each round's batches are made and packed (the loop's side) before its clock starts.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const roots = (process.argv.length > 2 ? process.argv.slice(2) : [path.join(import.meta.dirname, '..')]).map((root) =>
  path.resolve(root),
);
const REQUESTS = Number(process.env.REQUESTS ?? 20_000);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const BATCH = Number(process.env.BATCH ?? 64);
const WARM_UP = 3_000;

type Pair = [string, string];
const GET_HEADERS: Pair[] = [
  ['Host', 'bench-profile.fc.localhost'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) bench-client/1.0'],
  ['Accept', 'application/json, text/plain, */*'],
  ['Accept-Encoding', 'gzip, deflate, br'],
  ['Accept-Language', 'en-US,en;q=0.9'],
  ['Connection', 'keep-alive'],
  ['Cache-Control', 'no-cache'],
  ['X-Request-Source', 'bench'],
];
const RESPONSE_HEADERS: Pair[] = [
  ['content-type', 'application/json'],
  ['x-fc-request-id', '00000000-0000-0000-0000-000000000000'],
  ['content-length', '104'],
  ['date', new Date(0).toUTCString()],
  ['keep-alive', 'timeout=5'],
];
const RESPONSE = Buffer.from(
  JSON.stringify({ ok: true, path: '/items?page=2', method: 'GET', n: 12345, t: 'x'.repeat(40) }),
);
const FORM = Buffer.from('name=alice&access_token=Secret-Form-Token-123&page=2&comment=hello+world');
const GATEWAY_ERROR = Buffer.from('{"Code":"MethodNotAllowed","Message":"The method is not allowed by the trigger."}');

/** The bench function's request, with a share of errors (a function's and the gateway's), a bearer and a form. */
function capture(i: number, startedAt: number) {
  const kind = i % 20;
  const base = {
    ...{ startedAt, durationMs: 0.8 + (i % 7) * 0.113, requestId: randomUUID(), functionName: 'bench_profile' },
    ...{ qualifier: 'LATEST', triggerName: 'http', via: 'internet', method: 'GET', path: '/items?page=2' },
    ...{ sourceIp: '127.0.0.1', status: 200, invocationType: 'sync', fromConsole: false, trigger: {} },
    ...{ requestHeaders: GET_HEADERS, requestBodySize: 0 },
  };
  const detail = (requestBody: Buffer, responseBody: Buffer) => ({
    requestBody,
    responseHeaders: RESPONSE_HEADERS,
    responseBody,
    responseBodySize: responseBody.length,
  });
  if (kind === 0)
    return {
      ...base,
      status: 502,
      errorType: 'FunctionExited',
      errorHead: RESPONSE.subarray(0, 64),
      detail: detail(Buffer.alloc(0), RESPONSE),
    };
  if (kind === 1)
    return {
      ...base,
      method: 'DELETE',
      status: 403,
      errorHead: GATEWAY_ERROR,
      detail: detail(Buffer.alloc(0), GATEWAY_ERROR),
    };
  if (kind === 2)
    return {
      ...base,
      method: 'POST',
      requestHeaders: [...GET_HEADERS, ['Content-Type', 'application/x-www-form-urlencoded'] as Pair],
      requestBodySize: FORM.length,
      detail: detail(FORM, RESPONSE),
    };
  if (kind === 3)
    return {
      ...base,
      requestHeaders: [...GET_HEADERS, ['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.bench.signature'] as Pair],
      detail: detail(Buffer.alloc(0), RESPONSE),
    };
  return { ...base, detail: detail(Buffer.alloc(0), RESPONSE) };
}

const t0 = Date.now();
/** This thread's CPU time in µs (Linux's scheduler statistics: nanoseconds on a CPU), apart from GC's helper threads. */
const threadCpu = () => Number(fs.readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1000;
function packed(from: number, count: number, packBatch: (batch: unknown[], now: number) => unknown) {
  const batch = [];
  for (let i = from; i < from + count; i++) batch.push(capture(i, t0 + i * 0.25));
  return packBatch(batch, t0 + from * 0.25);
}

async function writerOf(root: string) {
  const load = (file: string) => import(pathToFileURL(path.join(root, 'src', file)).href);
  const { packBatch, unpackBatch } = await load('engine/recording/recording-message.ts');
  const { recordedRow } = await load('engine/recording/recorded-row.ts');
  const { openRecordingsDatabase } = await load('engine/recording/recordings-database.ts');
  const { createRecordingsStore } = await load('engine/recording/recordings-store.ts');
  const { createRequestMetrics } = await load('engine/recording/request-metrics.ts');
  const { RECORDING_DEFAULTS } = await load('contract/recorded-request.ts');
  const limits = {
    perFunction: RECORDING_DEFAULTS.perFunction,
    totalBytes: RECORDING_DEFAULTS.totalMegabytes * 1024 * 1024,
  };
  return {
    root,
    packBatch,
    open(dataDir: string) {
      const db = openRecordingsDatabase(dataDir);
      const store = createRecordingsStore(db, limits);
      const metrics = createRequestMetrics(db);
      // As recording-thread.ts writes each posted batch.
      const write = db.transaction((posted: { now: number }) => {
        const batch = unpackBatch(posted);
        store.insert(batch.map(recordedRow));
        metrics.add(batch, posted.now);
      });
      return { db, write };
    },
  };
}

/** One round: a fresh data dir, the warm-up past the bound, then `REQUESTS` requests measured batch by batch. */
function round(writer: Awaited<ReturnType<typeof writerOf>>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recording-cost-'));
  try {
    const { db, write } = writer.open(dataDir);
    for (let i = 0; i < WARM_UP; i += BATCH) write(packed(i, BATCH, writer.packBatch));
    const batches = [];
    for (let i = WARM_UP; i < WARM_UP + REQUESTS; i += BATCH)
      batches.push(packed(i, Math.min(BATCH, WARM_UP + REQUESTS - i), writer.packBatch));
    const started = performance.now();
    const cpu = process.cpuUsage();
    const threadBefore = threadCpu();
    for (const posted of batches) write(posted);
    const thread = threadCpu() - threadBefore;
    const { user, system } = process.cpuUsage(cpu);
    const wall = performance.now() - started;
    const rows = db.prepare('SELECT count(*) FROM recorded_requests').pluck().get();
    db.close();
    const per = (us: number) => (us / REQUESTS).toFixed(1);
    console.log(
      `${writer.root}: thread cpu ${per(thread)} µs/request; process cpu ${per(user + system)} (user ${per(user)}, sys ${per(system)}), ` +
        `wall ${per(wall * 1000)}; ${REQUESTS} requests in batches of ${BATCH}, ${rows} rows kept`,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const writers = [];
for (const root of roots) writers.push(await writerOf(root));
for (let r = 0; r < ROUNDS; r++) for (const writer of writers) round(writer);
