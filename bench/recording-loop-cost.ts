// Not part of `npm run bench`: what request recording costs the event loop, apart from the rest of the
// gateway. One in-process HTTP server answers as the gateway does (the response's headers as a flat
// list, the body with end) after a short timer (the instance's hop), and the load generator (its own
// process) drives it at 10 connections; rounds alternate the recorders compared, in one process:
//   node --import tsx bench/recording-loop-cost.ts [rounds] [other recorder.ts ...]
// `off` answers without a recorder, `this` uses this tree's; each further path is another tree's
// src/engine/recording/recorder.ts (e.g. a copy of main's: `git archive main src | tar -x -C /tmp/base`,
// with node_modules linked there). Prints the event loop's and the process's CPU per request (ms) of each round.
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { httpTriggerConfigSchema } from '../src/contract/trigger';
import type { GatewayRecorder, ObservedRequest } from '../src/engine/recording/capture';
import type { createRecorder } from '../src/engine/recording/recorder';
import { startLoadClient } from './load-client';
import { processCpu } from './process-cpu';
import { round } from './stats';

const rounds = Number(process.argv[2] ?? 3);
const others = process.argv.slice(3);
const SECONDS = Number(process.env.BENCH_DURATION ?? 4);
const HOP_MS = 2;
const BODY = Buffer.from('hello from the bench');
const trigger = {
  triggerId: 't-1',
  triggerName: 'http',
  functionName: 'bench_recording',
  qualifier: 'LATEST',
  triggerConfig: httpTriggerConfigSchema.parse({ methods: ['GET'], authType: 'anonymous', disableURLInternet: false }),
};

type Variant = { name: string; recorder?: GatewayRecorder; close(): Promise<void> };

async function variantOf(name: string, file: string): Promise<Variant> {
  const module = (await import(pathToFileURL(file).href)) as { createRecorder: typeof createRecorder };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-rec-bench-'));
  const recorder = module.createRecorder({ dataDir, limits: { perFunction: 1000, totalBytes: 64 * 1024 * 1024 } });
  return {
    name,
    recorder: recorder.gateway,
    close: async () => {
      await recorder.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const variants: Variant[] = [
  { name: 'off', close: async () => undefined },
  await variantOf('this', new URL('../src/engine/recording/recorder.ts', import.meta.url).pathname),
  ...(await Promise.all(others.map((file, i) => variantOf(`other${i + 1}`, file)))),
];
let current = variants[0]!;
let nextId = 0;

function answer(req: IncomingMessage, res: ServerResponse): void {
  const requestId = `bench-${++nextId}`;
  const seen: ObservedRequest = {};
  current.recorder?.observe(req, res, requestId, seen);
  const rawHeaders: Array<[string, string]> = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  seen.target = { trigger, endpoint: 'internet' };
  seen.ctx = {
    method: req.method!,
    rawPath: req.url!,
    query: '',
    headers: { host: req.headers.host ?? '' },
    rawHeaders,
    bodyLength: 0,
    body: Buffer.alloc(0),
    requestId,
    endpoint: 'internet',
    trigger: trigger.triggerConfig,
    now: new Date(),
  };
  setTimeout(() => {
    const headers = ['content-type', 'text/plain; charset=utf-8', 'x-fc-request-id', requestId];
    res.writeHead(200, [...headers, 'content-length', String(BODY.length)]);
    res.end(BODY);
  }, HOP_MS);
}

const server = http.createServer((req, res) => req.on('end', () => answer(req, res)).resume());
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const load = startLoadClient();
const spec = (durationSeconds: number) => ({
  url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
  method: 'GET' as const,
  headers: { host: 'bench.example' },
  connections: 10,
  durationSeconds,
  expectStatus: 200,
});
const results = new Map<string, number[]>(variants.map((v) => [v.name, []]));
try {
  for (const variant of variants) {
    current = variant;
    await load.run(spec(1)); // warm-up: each recorder's code optimized before it is measured
  }
  for (let r = 0; r < rounds; r++)
    for (const variant of variants) {
      current = variant;
      const before = processCpu()!;
      const result = await load.run(spec(SECONDS));
      const after = processCpu()!;
      const loopMs = round((after.loop! - before.loop!) / result.requests, 4);
      // The whole process: the recording thread's share too.
      const selfMs = round((after.self - before.self) / result.requests, 4);
      results.get(variant.name)!.push(loopMs);
      console.log(JSON.stringify({ round: r + 1, variant: variant.name, perSecond: result.perSecond, loopMs, selfMs }));
    }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const off = median(results.get('off')!);
  for (const [name, values] of results)
    console.log(
      `${name}: median ${median(values)} ms/request (recording: +${round((median(values) - off) * 1000, 1)} µs)`,
    );
} finally {
  load.close();
  server.close();
  for (const variant of variants) await variant.close();
}
process.exit(0);
