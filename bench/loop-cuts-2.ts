// Not part of `npm run bench`: A/B micro-benchmarks of session 18's gateway loop cuts (decision 038's
// addendum), each variant run in turns in one process, CPU time of this thread per operation:
//   node --import tsx bench/loop-cuts-2.ts <other tree> [case ...]
// `<other tree>`: a checkout compared against (e.g. /work/main); its modules are imported from there.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { round } from './stats';

const [otherTree, ...only] = process.argv.slice(2);
if (!otherTree) throw new Error('usage: loop-cuts-2.ts <other tree> [case ...]');
const TURNS = 8;
const TURN_MS = 250;
const BATCH = 1000;

/** CPU ns of this thread so far (schedstat: on-CPU time, exact). */
function threadCpuNs(): number {
  return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
}

const load = (tree: string, file: string) => import(pathToFileURL(path.join(tree, file)).href);
const here = path.resolve(import.meta.dirname, '..');
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** One operation `BATCH` times, then a turn of the loop (what it queued runs, timers lapse), counted in. */
type Case = { name: string; variants: Record<string, () => void> };

const spec = { functionName: 'f', timeoutSeconds: 3, memorySize: 512 } as never;

/** Ten instances, one invocation each at a time: the phase timer and the memory watch per invocation. */
async function timersCase(): Promise<Case> {
  const [before, after] = [
    await load(otherTree!, 'src/engine/runtime/phase-timer.ts'),
    await load(here, 'src/engine/runtime/phase-timer.ts'),
  ];
  const [beforeWatch, afterWatch] = [
    await load(otherTree!, 'src/engine/runtime/sandbox/memory-watch.ts'),
    await load(here, 'src/engine/runtime/sandbox/memory-watch.ts'),
  ];
  const watches = (Watch: typeof afterWatch.MemoryWatch) =>
    Array.from(
      { length: 10 },
      () =>
        new Watch(
          () => undefined,
          1e12,
          () => undefined,
        ),
    );
  const oldWatches = watches(beforeWatch.MemoryWatch);
  const newWatches = watches(afterWatch.MemoryWatch);
  const newTimers = Array.from({ length: 10 }, () => new after.PhaseTimer(spec, () => undefined));
  let i = 0;
  return {
    name: 'phase timer + memory watch, one invocation',
    variants: {
      before: () => {
        const watch = oldWatches[i++ % 10]!;
        const timer = new before.PhaseTimer(spec, () => undefined);
        watch.begin();
        timer.stop();
        watch.end();
      },
      after: () => {
        const n = i++ % 10;
        const timer = newTimers[n]!;
        timer.start();
        newWatches[n]!.begin();
        timer.stop();
        newWatches[n]!.end();
      },
    },
  };
}

/** The server's dispatch of a trigger request to the gateway's async handler (which awaits once). */
async function dispatchCase(): Promise<Case> {
  const handler = async () => {
    await null;
  };
  const fail = (error: unknown) => console.error(error);
  return {
    name: 'dispatch to the trigger handler',
    variants: {
      before: () => {
        Promise.resolve()
          .then(() => handler())
          .catch(fail);
      },
      after: () => {
        try {
          const handled = handler();
          if (handled) handled.catch(fail);
        } catch (error) {
          fail(error);
        }
      },
    },
  };
}

/** The bench's kind of GET as an event function's event text; both trees must build the same bytes. */
async function eventCase(): Promise<Case> {
  const file = 'src/engine/runtime/http-event.ts';
  const [before, after] = [await load(otherTree!, file), await load(here, file)];
  const requests = [undefined, 'trigger-1'].flatMap((triggerId) =>
    ['bench.cn-hangzhou.fcapp.localhost', 'localhost', 'api.example.com'].map((domainName) => ({
      method: 'GET',
      rawPath: '/hello',
      query: '',
      headers: { host: domainName, 'user-agent': 'load', accept: '*/*', 'x-a': ['1', '2'] },
      body: Buffer.alloc(0),
      requestId: 'r-1',
      context: { accountId: '123', triggerId, domainName, sourceIp: '127.0.0.1', time: new Date(1700000000123) },
    })),
  );
  for (const req of requests)
    if (before.buildHttpEventText(req) !== after.buildHttpEventText(req))
      throw new Error(`the events differ:\n${before.buildHttpEventText(req)}\n${after.buildHttpEventText(req)}`);
  const req = requests[3]!;
  return {
    name: 'event text of a GET',
    variants: { before: () => before.buildHttpEventText(req), after: () => after.buildHttpEventText(req) },
  };
}

/** The handler's body read and policy steps for a GET, awaited as each tree's handler awaits them. */
async function stepsCase(): Promise<Case> {
  const [before, after] = await Promise.all(
    [otherTree!, here].map(async (tree) => ({
      pipeline: await load(tree, 'src/engine/gateway/pipeline.ts'),
      body: await load(tree, 'src/engine/gateway/read-body.ts'),
    })),
  );
  const headers = { host: 'abc.cn-hangzhou.fcapp.run', 'user-agent': 'bench', accept: '*/*' };
  const ctx = {
    ...{ method: 'GET', rawPath: '/', query: '', headers, rawHeaders: Object.entries(headers), bodyLength: 0 },
    ...{ body: Buffer.alloc(0), requestId: 'r-1', endpoint: 'internet', now: new Date() },
    trigger: { methods: ['GET'], authType: 'anonymous', disableURLInternet: false },
  };
  const credentials = { accountId: '1', accessKeyId: 'k', accessKeySecret: 's' };
  const req = { headers };
  const [beforeSteps, afterSteps] = [before!, after!].map((tree) => tree.pipeline.requestSteps({ credentials }));
  const handleBefore = async () => {
    await before!.body.readBody(req, 1024);
    return await before!.pipeline.runRequestSteps(ctx, beforeSteps);
  };
  const handleAfter = async () => {
    const reading = after!.body.readBody(req, 1024);
    if (reading instanceof Promise) await reading;
    const ran = after!.pipeline.runRequestSteps(ctx, afterSteps);
    return ran instanceof Promise ? await ran : ran;
  };
  return {
    name: 'body read + request steps of a GET, awaited',
    variants: { before: () => void handleBefore(), after: () => void handleAfter() },
  };
}

async function measure({ name, variants }: Case): Promise<void> {
  const names = Object.keys(variants);
  const ns: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const ops: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (let t = 0; t < TURNS; t++) {
    for (const variant of t % 2 ? [...names].reverse() : names) {
      const run = variants[variant]!;
      const start = threadCpuNs();
      const until = performance.now() + TURN_MS;
      while (performance.now() < until) {
        for (let k = 0; k < BATCH; k++) run();
        await turn();
        ops[variant]! += BATCH;
      }
      if (t > 0) ns[variant]! += threadCpuNs() - start; // the first turn warms up
      if (t === 0) ops[variant] = 0;
    }
  }
  const line = names.map((n) => `${n} ${round(ns[n]! / ops[n]! / 1000, 3)} µs`).join(', ');
  console.log(`${name}: ${line}`);
}

const cases: Record<string, () => Promise<Case>> = {
  timers: timersCase,
  dispatch: dispatchCase,
  event: eventCase,
  steps: stepsCase,
};
for (const [key, make] of Object.entries(cases))
  if (only.length === 0 || only.includes(key)) await measure(await make());
process.exit(0);
