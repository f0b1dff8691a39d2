// Not part of `npm run bench`: A/B micro-benchmarks of the gateway loop's cuts (decision "event loop CPU
// per request"), each variant run in turns in one process, CPU time of this thread per operation:
//   node --import tsx bench/loop-cuts.ts <other tree> [case ...]
// `<other tree>` is a copy of the tree compared against (e.g. main's: `git archive main src | tar -x -C
// /tmp/base`, with node_modules linked there); the cases are below (default: all).
import fs from 'node:fs';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { round } from './stats';

const [otherTree, ...only] = process.argv.slice(2);
if (!otherTree) throw new Error('usage: loop-cuts.ts <other tree> [case ...]');
const TURNS = 8;
const TURN_MS = 250;

/** CPU ms of this thread so far (user + system, in clock ticks of 10 ms: a turn is long enough). */
function threadCpuMs(): number {
  const text = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const load = (tree: string, file: string) => import(pathToFileURL(path.join(tree, file)).href);
const here = path.resolve(import.meta.dirname, '..');

type Case = { name: string; variants: Record<string, () => unknown> };

async function teeCase(): Promise<Case> {
  const file = 'src/engine/recording/bounded-tee.ts';
  const [before, after] = [await load(otherTree!, file), await load(here, file)];
  const body = Buffer.from('hello from the bench');
  const run = (Tee: typeof after.BoundedTee) => () => {
    const tee = new Tee(64 * 1024);
    tee.add(body);
    return tee.data();
  };
  return { name: 'tee: one small body', variants: { before: run(before.BoundedTee), after: run(after.BoundedTee) } };
}

/** A request without a body, as the HTTP server gives it: its end comes once the handler has run. */
function bodylessRequest() {
  const req = Object.assign(new EventEmitter(), { headers: { host: 'x' } as Record<string, string> });
  return Object.assign(req, { pause() {}, resume() {} });
}

async function readBodyCase(): Promise<Case> {
  const file = 'src/engine/gateway/read-body.ts';
  const [before, after] = [await load(otherTree!, file), await load(here, file)];
  const run = (readBody: typeof after.readBody) => async () => {
    const req = bodylessRequest();
    const read = readBody(req, 1024);
    req.emit('end');
    return await read;
  };
  return { name: 'readBody: a GET', variants: { before: run(before.readBody), after: run(after.readBody) } };
}

async function stepsCase(): Promise<Case> {
  const file = 'src/engine/gateway/pipeline.ts';
  const [before, after] = [await load(otherTree!, file), await load(here, file)];
  const headers = { host: 'abc.cn-hangzhou.fcapp.run', 'user-agent': 'bench', accept: '*/*' };
  const ctx = {
    ...{ method: 'GET', rawPath: '/', query: '', headers, rawHeaders: Object.entries(headers), bodyLength: 0 },
    ...{ body: Buffer.alloc(0), requestId: 'r-1', endpoint: 'internet', now: new Date() },
    trigger: { methods: ['GET'], authType: 'anonymous', disableURLInternet: false },
  };
  const credentials = { accountId: '1', accessKeyId: 'k', accessKeySecret: 's' };
  const run = (pipeline: typeof after) => () => pipeline.runRequestSteps(ctx, pipeline.requestSteps({ credentials }));
  return { name: 'runRequestSteps: an anonymous GET', variants: { before: run(before), after: run(after) } };
}

/** A batch of 30 answered GETs as the bench's function answers them, recorded with their detail. */
async function packCase(): Promise<Case> {
  const [captured, message] = [
    await load(otherTree!, 'src/engine/recording/captured-request.ts'),
    await load(otherTree!, 'src/engine/recording/recording-message.ts'),
  ];
  const { packObservations } = await load(here, 'src/engine/recording/captured-request.ts');
  const { BoundedTee } = await load(here, 'src/engine/recording/bounded-tee.ts');
  const { httpTriggerConfigSchema } = await load(here, 'src/contract/trigger.ts');
  const triggerConfig = httpTriggerConfigSchema.parse({ methods: ['GET'], authType: 'anonymous' });
  const trigger = { triggerId: 't', triggerName: 'http', functionName: 'bench', qualifier: 'LATEST', triggerConfig };
  const batch = Array.from({ length: 30 }, (_, i) => {
    const body = new BoundedTee(64 * 1024);
    body.add(Buffer.from('hello from the bench'));
    const requestId = crypto.randomUUID();
    const headers = { host: 'abcdefghij.cn-hangzhou.fcapp.run', connection: 'keep-alive' };
    return {
      ...{ startedAt: Date.now(), durationMs: 1.5 + i, requestId, status: 200, detail: true, body },
      ...{ req: { method: 'GET', url: '/', headers }, remoteAddress: '127.0.0.1', requestBodySize: 0 },
      ...{ requestHeaders: headers, rawRequestHeaders: Object.entries(headers), requestBody: Buffer.alloc(0) },
      responseHeaders: ['content-type', 'text/plain', 'x-fc-request-id', requestId, 'content-length', '20'],
      fromConsole: false,
      target: { trigger, endpoint: 'internet' },
    };
  });
  return {
    name: 'the batch writer: 30 requests packed',
    variants: {
      before: () => message.packBatch(batch.map(captured.capturedRequest), 1),
      after: () => packObservations(batch, 1),
    },
  };
}

/** A response as the gateway writes it (status and a flat header list, then the body), watched from start to close. */
class FakeResponse extends EventEmitter {
  statusCode = 200;
  headersSent = false;
  writableFinished = false;
  destroyed = false;
  writeHead(status: number, _reason?: unknown, _headers?: unknown) {
    this.statusCode = status;
    this.headersSent = true;
    return this;
  }
  write() {
    return true;
  }
  end(_chunk?: unknown) {
    this.writableFinished = true;
    return this;
  }
  getHeaders() {
    return {};
  }
}

async function captureCase(): Promise<Case> {
  const file = 'src/engine/recording/capture.ts';
  const [before, after] = [await load(otherTree!, file), await load(here, file)];
  const pushed: unknown[] = [];
  const sink = {
    wantsDetail: () => true,
    push: (item: unknown) => void (pushed.push(item) > 100 && (pushed.length = 0)),
    bodyBytes: 64 * 1024,
    now: Date.now,
    elapsed: () => performance.now(),
  };
  const req = { method: 'GET', url: '/', headers: { host: 'x' }, socket: { remoteAddress: '127.0.0.1' } };
  const body = Buffer.from('hello from the bench');
  const target = { trigger: {}, endpoint: 'internet' };
  const run = (capture: typeof after) => () => {
    const res = new FakeResponse();
    const seen: Record<string, unknown> = {};
    capture.observeRequest(req, res, 'r-1', seen, sink);
    seen.target = target;
    seen.ctx = { headers: req.headers, rawHeaders: [['host', 'x']], bodyLength: 0, body: Buffer.alloc(0) };
    res.writeHead(200, ['content-type', 'text/plain', 'content-length', '20']);
    res.end(body);
    res.emit('close');
  };
  return { name: 'capture: one request watched', variants: { before: run(before), after: run(after) } };
}

async function respondCase(): Promise<Case> {
  const file = 'src/engine/gateway/client-response.ts';
  const [before, after] = [await load(otherTree!, file), await load(here, file)];
  const headers = [
    ...[
      ['content-type', 'text/plain; charset=utf-8'],
      ['x-fc-code-checksum', '1234567890123456789'],
    ],
    ...[
      ['x-fc-invocation-service-version', 'LATEST'],
      ['x-fc-request-id', crypto.randomUUID()],
    ],
  ];
  const response = { status: 200, headers, body: Buffer.from('hello from the bench') };
  const raw = ['Host', 'abc.cn-hangzhou.fcapp.run', 'Connection', 'keep-alive', 'User-Agent', 'bench'];
  const run = (client: typeof after) => () => {
    client.requestHeaders({ rawHeaders: raw });
    client.writeClientResponse(new FakeResponse(), response, 'r-1', false);
  };
  return {
    name: "respond: a request's headers read, its answer written",
    variants: { before: run(before), after: run(after) },
  };
}

const cases: Record<string, () => Promise<Case>> = {
  capture: captureCase,
  respond: respondCase,
  pack: packCase,
  tee: teeCase,
  'read-body': readBodyCase,
  steps: stepsCase,
};

for (const [key, make] of Object.entries(cases)) {
  if (only.length && !only.includes(key)) continue;
  const { name, variants } = await make();
  const totals = Object.fromEntries(Object.keys(variants).map((v) => [v, { ms: 0, ops: 0 }]));
  for (let turn = 0; turn < TURNS + 1; turn++)
    for (const [variant, op] of Object.entries(variants)) {
      const start = threadCpuMs();
      let ops = 0;
      const until = performance.now() + TURN_MS;
      while (performance.now() < until)
        for (let i = 0; i < 1000; i++, ops++) {
          const result = op();
          if (result instanceof Promise) await result;
        }
      if (turn === 0) continue; // warm-up: both optimized before they are measured
      totals[variant]!.ms += threadCpuMs() - start;
      totals[variant]!.ops += ops;
    }
  const perOp = Object.entries(totals).map(([v, t]) => `${v} ${round((t.ms * 1000) / t.ops, 3)} µs`);
  console.log(`${name}: ${perOp.join(', ')} (CPU per operation, ${TURNS} turns each)`);
}
