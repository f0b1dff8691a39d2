// Not part of `npm run bench`: the hop from the gateway to event-function instances alone, without
// HTTP or the pipeline: NodeInstance.invokeHttp (the event built, timed, sent, answered) over ten
// invocations in flight, spread over N instances (one each, as FC runs event functions, when N = 10):
//   node --import tsx bench/instance-hop.ts [instances=10] [invocations=20000] [sandbox: off|auto] [checkout]
// `checkout`: another checkout's NodeInstance and runner to compare with (e.g. /work/main), alternated in
// one shell loop. Prints invocations per second and the CPU time per invocation of this process and of the
// instances.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectSandbox } from '../src/engine/runtime/sandbox/detect';
import { processTree, residentBytes } from '../src/engine/runtime/sandbox/process-tree';
import type { FunctionSpec, HttpInvokeRequest, Instance } from '../src/engine/runtime/types';
import { RESPONSE_BODY, RESPONSE_TYPE } from './bench-engine';
import { cpuPerRequest, processCpu } from './process-cpu';
import { round } from './stats';

const instances = Number(process.argv[2] ?? 10);
const total = Number(process.argv[3] ?? 20_000);
const IN_FLIGHT = 10;
const checkout = process.argv[5] ? path.resolve(process.argv[5]) : fileURLToPath(new URL('..', import.meta.url));
const { NodeInstance } = (await import(path.join(checkout, 'src/engine/runtime/node-instance.ts'))) as {
  NodeInstance: new (options: object) => Instance;
};
const codeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-hop-'));
fs.writeFileSync(
  path.join(codeDir, 'index.js'),
  `exports.handler = async () => ({ statusCode: 200, headers: { 'content-type': ${JSON.stringify(RESPONSE_TYPE)} }, body: ${JSON.stringify(RESPONSE_BODY)} });\n`,
);
const spec: FunctionSpec = {
  functionName: 'hop',
  qualifier: 'LATEST',
  revision: '1',
  runtime: 'nodejs20',
  handler: 'index.handler',
  codeZipPath: '',
  timeoutSeconds: 60,
  instanceConcurrency: 1,
  memorySize: 512,
  environmentVariables: {},
};
// As the instance pool starts an instance: in bubblewrap when asked and it works here.
const sandbox = await detectSandbox(process.argv[4] === 'auto' ? 'auto' : 'off');
const env = { PATH: process.env.PATH ?? '' };
const account = { accountId: '1', region: 'cn-hangzhou' };
const pool = Array.from({ length: instances }, () => new NodeInstance({ spec, codeDir, env, account, sandbox }));
let nextId = 0;
// What an HTTP trigger request of the bench becomes before the hop.
const request = (): HttpInvokeRequest => ({
  method: 'GET',
  rawPath: '/',
  query: '',
  headers: { host: 'bench.cn-hangzhou.fcapp.localhost', 'user-agent': 'autocannon' },
  body: Buffer.alloc(0),
  requestId: `r${++nextId}`,
  context: { accountId: '1', domainName: 'bench.cn-hangzhou.fcapp.localhost', sourceIp: '127.0.0.1' },
});
async function invoke(instance: Instance): Promise<void> {
  const result = await instance.invokeHttp(request());
  if ('error' in result) throw new Error(`${result.error}: ${result.message}`);
}
let started = 0;
async function lane(index: number, count: number): Promise<void> {
  const instance = pool[index % instances]!;
  while (started < count) {
    started++;
    await invoke(instance);
  }
}

await Promise.all(pool.map((instance) => invoke(instance))); // each loaded its code
await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => lane(i, 2000)));
started = 0;
// The gateway's main thread taken off its core by another (a woken instance, on a busy machine):
// each is a stall of the loop every request waits on.
const preempted = () =>
  Number(/nonvoluntary_ctxt_switches:\s*(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]);
const preemptedBefore = preempted();
const before = processCpu();
const t0 = performance.now();
await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => lane(i, total)));
const seconds = (performance.now() - t0) / 1000;
const cpu = cpuPerRequest(before, processCpu(), total);
const preemptions = (preempted() - preemptedBefore) / total;
// What the memory watch counts against memorySize, after the run: the instance's whole process tree.
const residentMb =
  pool.reduce((sum, instance) => sum + residentBytes(processTree(instance.pid!)), 0) / instances / 2 ** 20;
process.stdout.write(
  `${JSON.stringify({
    checkout,
    instances,
    sandboxed: sandbox.status.isolated,
    perSecond: Math.round(total / seconds),
    cpuMsPerInvocation: cpu && { gateway: round(cpu.self, 3), instances: round(cpu.children, 3) },
    loopPreemptedPerInvocation: round(preemptions, 3),
    residentMbPerInstance: round(residentMb, 1),
    loadAverage: os.loadavg().map((l) => round(l)),
  })}\n`,
);
for (const instance of pool) instance.kill();
fs.rmSync(codeDir, { recursive: true, force: true });
process.exit(0);
