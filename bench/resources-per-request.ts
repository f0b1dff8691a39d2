// Not part of `npm run bench`: what the gateway's event loop creates per request (promises, timers,
// ticks, immediates), counted with an async hook during a load at 10 connections on an event function.
// A count, not a timing: it does not move with the machine's load, so two checkouts compare exactly:
//   node --import tsx bench/resources-per-request.ts [checkout]   (e.g. /work/main; default: this one)
import { createHook } from 'node:async_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const checkout = process.argv[2] ? path.resolve(process.argv[2]) : fileURLToPath(new URL('..', import.meta.url));
const from = (file: string) => import(pathToFileURL(path.join(checkout, file)).href);
const { startBenchEngine } = await from('bench/bench-engine.ts');
const { startLoadClient } = await from('bench/load-client.ts');

const bench = await startBenchEngine('auto', {});
const load = startLoadClient();
try {
  const host = await bench.deploy('bench_resources');
  const spec = (durationSeconds: number) => ({
    url: `http://127.0.0.1:${bench.engine.port}/`,
    method: 'GET' as const,
    headers: { host },
    connections: 10,
    durationSeconds,
    expectStatus: 200,
  });
  await load.run(spec(2));
  const counts = new Map<string, number>();
  const hook = createHook({ init: (_id, type) => void counts.set(type, (counts.get(type) ?? 0) + 1) });
  hook.enable();
  const result = await load.run(spec(3));
  hook.disable();
  const perRequest = [...counts]
    .map(([type, n]) => [type, Math.round((100 * n) / result.requests) / 100] as const)
    .filter(([, n]) => n >= 0.01)
    .sort((a, b) => b[1] - a[1]);
  console.log(`${checkout}: ${result.requests} requests, failures ${result.failures}; per request:`);
  console.log(perRequest.map(([type, n]) => `${type} ${n}`).join(', '));
} finally {
  load.close();
  await bench.close();
}
process.exit(0);
