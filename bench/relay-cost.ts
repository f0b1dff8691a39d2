// Not part of `npm run bench`: the primary's event-loop CPU per request relayed from a gateway process:
//   [REQUESTS=n] [BATCH=n] [ROUNDS=n] node --import tsx bench/relay-cost.ts
// A gateway process sends each packed batch as one JSON IPC message (gateways/relay.ts); the primary
// parses it (Node's IPC does, on its loop), decodes it (`fromRelayed`), posts it to the recording thread
// (`writePacked`) and, once stored, answers the request (one small message per batch). Timed here:
// the parse, the decode and the post, on this thread's CPU clock; the messages are made before.
// For comparison, the gateway's side (`toRelayed` and the stringify) is timed too.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RECORDING_DEFAULTS } from '../src/contract/recorded-request';
import { fromRelayed, toRelayed } from '../src/engine/gateways/relay-batch';
import type { CapturedRequest } from '../src/engine/recording/capture';
import { packBatch } from '../src/engine/recording/recording-message';
import { startRecordingWriter } from '../src/engine/recording/recording-writer';

const REQUESTS = Number(process.env.REQUESTS ?? 20_000);
const BATCH = Number(process.env.BATCH ?? 64);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

type Pair = [string, string];
const REQUEST_HEADERS: Pair[] = [
  ['Host', 'bench-profile.fc.localhost'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) bench-client/1.0'],
  ['Accept', 'application/json, text/plain, */*'],
  ['Accept-Encoding', 'gzip, deflate, br'],
  ['Connection', 'keep-alive'],
  ['X-Request-Source', 'bench'],
];
const RESPONSE_HEADERS: Pair[] = [
  ['content-type', 'application/json'],
  ['x-fc-request-id', randomUUID()],
  ['content-length', '104'],
  ['date', new Date(0).toUTCString()],
];
const RESPONSE = Buffer.from(JSON.stringify({ ok: true, path: '/items?page=2', n: 12345, t: 'x'.repeat(40) }));

/** The bench function's request, one in 20 an error: the same shape `packObservations` packs. */
function capture(i: number): CapturedRequest {
  const status = i % 20 === 0 ? 502 : 200;
  return {
    ...{ startedAt: Date.now(), durationMs: 0.8, requestId: randomUUID(), functionName: 'bench_profile' },
    ...{ qualifier: 'LATEST', triggerName: 'http', via: 'internet', method: 'GET', path: '/items?page=2' },
    ...{ sourceIp: '127.0.0.1', status, invocationType: 'sync', fromConsole: false, trigger: {} },
    ...{ requestHeaders: REQUEST_HEADERS, requestBodySize: 0 },
    ...(status >= 400 ? { errorType: 'FunctionExited', errorHead: RESPONSE.subarray(0, 64) } : {}),
    detail: {
      requestBody: Buffer.alloc(0),
      responseHeaders: RESPONSE_HEADERS,
      responseBody: RESPONSE,
      responseBodySize: RESPONSE.length,
    },
  };
}

/** This thread's CPU time in µs (Linux's scheduler statistics), apart from GC's helper threads. */
const threadCpu = () => Number(fs.readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1000;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-cost-'));
const limits = {
  perFunction: RECORDING_DEFAULTS.perFunction,
  totalBytes: RECORDING_DEFAULTS.totalMegabytes * 1024 * 1024,
};
const writer = startRecordingWriter(dataDir, limits);
try {
  for (let round = 0; round < ROUNDS; round++) {
    const batches: CapturedRequest[][] = [];
    for (let i = 0; i < REQUESTS; i += BATCH)
      batches.push(Array.from({ length: Math.min(BATCH, REQUESTS - i) }, (_, n) => capture(i + n)));
    const packed = batches.map((batch) => packBatch(batch, Date.now()));
    const gatewayBefore = threadCpu();
    const lines = packed.map((batch) =>
      JSON.stringify({ k: 'q', id: 1, type: 'relay.recordings', payload: toRelayed(batch) }),
    );
    const gateway = threadCpu() - gatewayBefore;
    const bytes = lines.reduce((sum, line) => sum + line.length, 0);
    const before = threadCpu();
    for (const line of lines) {
      const { payload } = JSON.parse(line) as { payload: unknown };
      const relayed = fromRelayed(payload)!;
      writer.writePacked(relayed, relayed.count);
    }
    const primary = threadCpu() - before;
    await writer.settled();
    const per = (us: number) => (us / REQUESTS).toFixed(2);
    console.log(
      `round ${round + 1}: primary ${per(primary)} µs/request (parse, decode, post); gateway side ${per(gateway)} µs/request ` +
        `(toRelayed, stringify); ${REQUESTS} requests in batches of ${BATCH}, ${Math.round(bytes / REQUESTS)} bytes/request on the channel`,
    );
  }
} finally {
  await writer.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
