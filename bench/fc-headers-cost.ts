// Not part of `npm run bench`: what FC's common request headers (fc-request-headers.ts) cost the
// gateway on the web function path. proxyRequest to a bare server in a process of its own, ten
// requests in flight, rounds alternating without and with the headers in this one process:
//   node --import tsx bench/fc-headers-cost.ts [rounds=8] [requests per round=4000]
// Prints this process's CPU microseconds per request for each side, per round and their medians.
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { functionRequestHeaders } from '../src/engine/runtime/fc-request-headers';
import type { FunctionSpec } from '../src/engine/runtime/types';
import { proxyRequest, type ProxyTarget } from '../src/engine/runtime/web-proxy';
import { spread } from './stats';

const rounds = Number(process.argv[2] ?? 8);
const perRound = Number(process.argv[3] ?? 4000);
const IN_FLIGHT = 10;

const upstream = fork(fileURLToPath(new URL('./bare-server-process.ts', import.meta.url)), [], {
  execArgv: ['--import', 'tsx'],
});
const port = await new Promise<number>((resolve) => upstream.once('message', (m: { port: number }) => resolve(m.port)));
const spec = {
  functionName: 'bench_web',
  qualifier: 'LATEST',
  handler: 'index.handler',
  memorySize: 512,
  timeoutSeconds: 3,
} as FunctionSpec;
const agent = new http.Agent({ keepAlive: true });
const without: ProxyTarget = { host: '127.0.0.1', port, agent };
const withHeaders: ProxyTarget = {
  ...without,
  fcHeaders: functionRequestHeaders(spec, { accountId: '1234567890123456', region: 'cn-hangzhou' }),
};
// What a curl request to a trigger carries once the gateway removed its own headers.
const clientHeaders = {
  host: 'bench-abcdefghij.cn-hangzhou.fcapp.localhost',
  'user-agent': 'curl/8.5.0',
  accept: '*/*',
};

async function round(target: ProxyTarget): Promise<number> {
  let sent = 0;
  const before = process.cpuUsage();
  const worker = async () => {
    while (sent < perRound) {
      sent++;
      const outcome = await proxyRequest(target, {
        method: 'GET',
        path: '/',
        headers: clientHeaders,
        body: Buffer.alloc(0),
        requestId: '1-6750f0a1-0123456789abcdef',
        controlPath: target.fcHeaders ? '/http-invoke' : undefined,
        timeoutSeconds: 10,
        broken: async (error) => ({ error: 'BadResponse', message: error.message }),
      });
      if ('error' in outcome) throw new Error(outcome.message);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / perRound;
}

await round(without); // warm-up: the JIT and the agent's sockets
const sides = { without: [] as number[], with: [] as number[] };
for (let i = 0; i < rounds; i++) {
  sides.without.push(await round(without));
  sides.with.push(await round(withHeaders));
  process.stderr.write(
    `round ${i + 1}: without ${sides.without.at(-1)!.toFixed(1)} µs, with ${sides.with.at(-1)!.toFixed(1)} µs\n`,
  );
}
process.stdout.write(
  `${JSON.stringify({ cpuMicrosecondsPerRequest: { without: spread(sides.without), with: spread(sides.with) } })}\n`,
);
agent.destroy();
upstream.disconnect();
process.exit(0);
