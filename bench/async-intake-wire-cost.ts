// Not part of `npm run bench`: what the primary's loop spends per async invocation a gateway process
// accepted, before the queue's own enqueue (the same as for its own requests):
//   [BATCH=n] [ROUNDS=n] node --import tsx bench/async-intake-wire-cost.ts
// A batch arrives as one JSON IPC message (Node parses it on the loop), and each item is schema-parsed
// and decoded (`parseWireItem`, the body from base64). Timed on this
// thread's CPU clock with the bench's async request (6 headers, a 16-byte JSON body).
import { randomUUID } from 'node:crypto';
import { parseWireItem, toWire } from '../src/engine/gateways/async-intake-wire';

const BATCH = Number(process.env.BATCH ?? 64);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const REPEAT = 500;

const headers = {
  host: 'bench-async.cn-hangzhou.fcapp.localhost:9000',
  'user-agent': 'autocannon',
  'content-type': 'application/json',
  'content-length': '16',
  'x-fc-invocation-type': 'Async',
  connection: 'keep-alive',
};
const batch = Array.from(
  { length: BATCH },
  () =>
    toWire({
      functionName: 'bench_async',
      requestId: randomUUID(),
      kind: 'http',
      request: { method: 'POST', rawPath: '/', query: '', headers, body: Buffer.from('{"from":"bench"}') },
    }).item,
);
const message = JSON.stringify(batch);

/** CPU µs per item of `work` done on the whole batch REPEAT times. */
function perItem(work: () => void): string {
  const start = process.cpuUsage();
  for (let i = 0; i < REPEAT; i++) work();
  const used = process.cpuUsage(start);
  return ((used.user + used.system) / (REPEAT * BATCH)).toFixed(2);
}

for (let round = 1; round <= ROUNDS; round++) {
  const parsed = JSON.parse(message) as unknown[];
  console.info(
    `round ${round}: ${Math.round(message.length / BATCH)} bytes per item; µs per item: ` +
      `IPC JSON.parse ${perItem(() => JSON.parse(message))}, ` +
      `schema and decoding ${perItem(() => parsed.forEach(parseWireItem))}`,
  );
}
