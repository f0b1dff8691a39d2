// Not part of `npm run bench`: durable async accepts at 10 connections with the CPU each cost, split
// between the primary and the gateway processes, the engine's FC_ENGINE_GATEWAYS taken from the shell:
//   [ROUNDS=n] FC_ENGINE_GATEWAYS=2 node --import tsx bench/async-intake-cost.ts
// On a machine other processes load, accepts per second say what share of the cores was left; the
// primary's CPU per accept says what limits the rate once the cores are the engine's (decision 048).
import { startBenchEngine } from './bench-engine';
import { startLoadClient } from './load-client';
import { measureWithCpu, type LoadShape } from './side-by-side';

const ROUNDS = Number(process.env.ROUNDS ?? 2);
const SHAPE: LoadShape = {
  method: 'POST',
  headers: { 'x-fc-invocation-type': 'Async', 'content-type': 'application/json' },
  body: '{"from":"bench"}',
  connections: 10,
  expectStatus: 202,
};

const fixed = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(3));

const load = startLoadClient();
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const bench = await startBenchEngine();
    try {
      const host = await bench.deploy('bench_async');
      const result = await measureWithCpu(load, { port: bench.engine.port, host }, SHAPE);
      const cpu = result.cpuMs;
      const gateways = cpu?.gatewayProcesses ?? 0;
      console.info(
        [
          `round ${round}: ${Math.round(result.perSecond)} accepts/s (${result.failures} failed)`,
          `p50 ${result.p50Ms.toFixed(2)} ms`,
          `CPU ms per accept: primary ${fixed(cpu && cpu.self - gateways)} (its loop ${fixed(cpu?.loop)})`,
          `gateway processes ${fixed(cpu?.gatewayProcesses)}`,
        ].join(', '),
      );
    } finally {
      await bench.close();
    }
  }
} finally {
  load.close();
}
