// Not part of `npm run bench`: the hop from the gateway to event-function instances alone, without
// HTTP, the pipeline or the sandbox. Ten invocations are kept in flight over node-runner.cjs's IPC
// protocol, spread over N instance processes (one each, as FC runs event functions, when N = 10):
//   node --import tsx bench/instance-hop.ts [instances=10] [invocations=20000] [sandbox: off|auto] [runner]
// `runner`: another runner file to compare with (e.g. main's, from `git show`), alternated in one session.
// Prints invocations per second and the CPU time per invocation of this process and of the instances.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectSandbox } from '../src/engine/runtime/sandbox/detect';
import { RESPONSE_BODY, RESPONSE_TYPE } from './bench-engine';
import { cpuPerRequest, processCpu } from './process-cpu';
import { round } from './stats';

const instances = Number(process.argv[2] ?? 10);
const total = Number(process.argv[3] ?? 20_000);
const IN_FLIGHT = 10;
const runner = process.argv[5]
  ? path.resolve(process.argv[5])
  : fileURLToPath(new URL('../src/engine/runtime/node-runner.cjs', import.meta.url));
const codeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-hop-'));
fs.writeFileSync(
  path.join(codeDir, 'index.js'),
  `exports.handler = async () => ({ statusCode: 200, headers: { 'content-type': ${JSON.stringify(RESPONSE_TYPE)} }, body: ${JSON.stringify(RESPONSE_BODY)} });\n`,
);
const config = { handler: 'index.handler', functionName: 'hop', runtime: 'nodejs20', qualifier: 'LATEST' };
// As node-instance.ts starts an instance: in bubblewrap when asked and it works here.
const sandbox = await detectSandbox(process.argv[4] === 'auto' ? 'auto' : 'off');
const children: ChildProcess[] = Array.from({ length: instances }, () => {
  const plan = sandbox.plan({
    codeDir,
    runner,
    env: { PATH: process.env.PATH ?? '' },
    command: (seen) => [
      process.execPath,
      seen.runner,
      JSON.stringify({ ...config, codeDir: seen.codeDir, memory: 512, timeout: 60, accountId: '1', region: 'x' }),
    ],
  });
  return spawn(plan.file, plan.args, {
    cwd: plan.cwd,
    env: plan.env,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'json',
  });
});
// The event an HTTP trigger request of the bench becomes (http-event.ts), as a string.
const event = JSON.stringify({
  version: 'v1',
  rawPath: '/',
  headers: { Host: 'bench.cn-hangzhou.fcapp.run', 'User-Agent': 'autocannon' },
  queryParameters: {},
  body: '',
  isBase64Encoded: false,
  requestContext: { accountId: '1', domainName: 'bench', http: { method: 'GET', path: '/', sourceIp: '127.0.0.1' } },
});
const waiting = new Map<number, () => void>();
for (const child of children)
  child.on('message', (message: { t: string; id: number }) => message.t === 'result' && waiting.get(message.id)?.());
let nextId = 0;
function invoke(child: ChildProcess): Promise<void> {
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, () => (waiting.delete(id), resolve()));
    child.send({ t: 'invoke', id, event, context: { requestId: `r${id}` } });
  });
}
let started = 0;
async function lane(index: number, count: number): Promise<void> {
  const child = children[index % instances]!;
  while (started < count) {
    started++;
    await invoke(child);
  }
}

await Promise.all(children.map((child) => invoke(child))); // each loaded its code
await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => lane(i, 2000)));
started = 0;
const before = processCpu();
const t0 = performance.now();
await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => lane(i, total)));
const seconds = (performance.now() - t0) / 1000;
const cpu = cpuPerRequest(before, processCpu(), total);
process.stdout.write(
  `${JSON.stringify({
    instances,
    sandboxed: sandbox.status.isolated,
    perSecond: Math.round(total / seconds),
    cpuMsPerInvocation: cpu && { gateway: round(cpu.self, 3), instances: round(cpu.children, 3) },
    loadAverage: os.loadavg().map((l) => round(l)),
  })}\n`,
);
for (const child of children) child.kill();
fs.rmSync(codeDir, { recursive: true, force: true });
process.exit(0);
