// Not part of `npm run bench`: the gateway's CPU per request on the web function path (one
// instance serving every connection), for A/B runs of a change on that path:
//   node --import tsx bench/profile-web.ts [connections]
// Prints requests per second and CPU ms per answered request: the engine's loop, its whole process, instances.
import { startBenchEngine } from './bench-engine';
import { startLoadClient } from './load-client';
import { cpuPerRequest, processCpu } from './process-cpu';
import { round } from './stats';

const connections = Number(process.argv[2] ?? 10);
const bench = await startBenchEngine('auto', {});
const load = startLoadClient();
try {
  const host = await bench.deploy('bench_web', { kind: 'web', instanceConcurrency: connections });
  const spec = (durationSeconds: number) => ({
    url: `http://127.0.0.1:${bench.engine.port}/`,
    method: 'GET' as const,
    headers: { host },
    connections,
    durationSeconds,
    expectStatus: 200,
  });
  await load.run(spec(2));
  const cpuBefore = processCpu();
  const result = await load.run(spec(Number(process.env.BENCH_DURATION ?? 8)));
  const cpuMs = cpuPerRequest(cpuBefore, processCpu(), result.requests);
  const cpu = cpuMs && {
    loop: round(cpuMs.loop ?? NaN, 3),
    self: round(cpuMs.self, 3),
    children: round(cpuMs.children, 3),
  };
  process.stdout.write(`${JSON.stringify({ connections, ...result, cpu })}\n`);
} finally {
  load.close();
  await bench.close();
}
process.exit(0);
