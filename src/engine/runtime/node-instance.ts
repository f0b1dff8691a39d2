import { isUtf8 } from 'node:buffer';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { buildHttpEventText, toBodyBuffer, toHttpResponse } from './http-event';
import { InvocationLog, PendingOutput, forEachLine } from './invocation-log';
import type { InstanceRegistry } from './sandbox/instance-registry';
import { readWhole } from './read-whole';
import { PhaseTimer, type Phase } from './phase-timer';
import { MemoryWatch, outOfMemoryMessage } from './sandbox/memory-watch';
import { killGroup, type Sandbox } from './sandbox/sandbox';
import type {
  BufferedHttpRequest,
  FunctionSpec,
  HttpInvokeRequest,
  Instance,
  InvokeFailure,
  InvokeResult,
  RuntimeErrorCode,
} from './types';

/** What an event function's runner is told at start (JSON, its first argument). */
export type RunnerConfig = {
  codeDir: string;
  handler: string;
  functionName: string;
  runtime: string;
  qualifier: string;
  memory: number;
  timeout: number;
  accountId: string;
  region: string;
  initializer?: string;
  preStop?: string;
};

/** The program an event function runs: a runner file speaking node-runner.cjs's protocol, and how to start it. */
export type EventRunner = {
  path: string;
  command: (runner: string, config: RunnerConfig) => string[];
};

const NODE_RUNNER: EventRunner = {
  path: fileURLToPath(new URL('./node-runner.cjs', import.meta.url)),
  command: (runner, config) => [
    process.execPath,
    `--max-old-space-size=${config.memory}`,
    // One V8 background thread, not four: fewer threads woken per request for GC and compile tasks
    // (decision 037: the instances' CPU per request fell, their throughput rose, A/B).
    '--v8-pool-size=1',
    runner,
    JSON.stringify(config),
  ],
};
/** What V8 prints when --max-old-space-size is reached, just before it aborts. */
const HEAP_OUT_OF_MEMORY = 'JavaScript heap out of memory';

type RunnerMessage =
  | { t: 'log'; id: number | null; text: string }
  | { t: 'phase'; id: number; phase: Phase }
  | { t: 'result'; id: number; ok: true; value?: unknown; v8?: string; json?: string; base64?: string }
  | {
      t: 'result';
      id: number;
      ok: false;
      code: RuntimeErrorCode;
      message: string;
      errorType?: string;
      stackTrace?: string[];
    };

/** The invocation running (one at a time): what `finish` answers it with. */
type Running = { id: number; log: InvocationLog; resolve: (outcome: RunOutcome) => void };
type RunOutcome = { ok: true; value: unknown; logs: string } | InvokeFailure;

export type NodeInstanceOptions = {
  spec: FunctionSpec;
  codeDir: string;
  env: Record<string, string>;
  account: { accountId: string; region: string };
  sandbox: Sandbox;
  registry?: InstanceRegistry;
  /** Node.js's unless told (python-instance.ts). */
  runner?: EventRunner;
};

/**
 * An event function instance: a child running a runner (node-runner.cjs on the engine's own Node,
 * unless told otherwise), one request at a time.
 */
export class NodeInstance implements Instance {
  readonly capacity = 1;
  private readonly child: ChildProcess;
  private readonly running = new Map<number, Running>();
  // Each phase has its own timeout; one that runs out answers FunctionTimeout and recycles the instance.
  private readonly timer: PhaseTimer;
  private readonly pending = new PendingOutput();
  private readonly exitListeners: Array<() => void> = [];
  private nextId = 1;
  private exited = false;
  private dead = false;
  private outOfMemory = false;
  private readonly memory: MemoryWatch;

  constructor(private readonly options: NodeInstanceOptions) {
    const { spec, codeDir, env, account, sandbox, runner = NODE_RUNNER } = options;
    const plan = sandbox.plan({
      codeDir,
      runner: runner.path,
      env,
      command: (seen) =>
        runner.command(seen.runner, {
          codeDir: seen.codeDir,
          handler: spec.handler,
          functionName: spec.functionName,
          runtime: spec.runtime,
          qualifier: spec.qualifier,
          memory: spec.memorySize,
          timeout: spec.timeoutSeconds,
          ...(spec.initializer ? { initializer: spec.initializer } : {}),
          ...(spec.preStop ? { preStop: spec.preStop } : {}),
          ...account,
        }),
    });
    // spawn with an IPC channel rather than fork: the channel's fd passes through the sandbox, and
    // none of the engine's own node flags (tsx loaders) reach the function.
    this.child = spawn(plan.file, plan.args, {
      cwd: plan.cwd,
      env: plan.env,
      detached: true,
      // JSON, not 'advanced': V8 serialization was a large share of the engine's time per request.
      serialization: 'json',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const { pid } = this.child;
    if (pid !== undefined) options.registry?.add(pid);
    this.memory = new MemoryWatch(
      () => this.child.pid,
      spec.memorySize * 1024 * 1024,
      () => {
        this.outOfMemory = true;
        this.kill();
      },
    );
    this.timer = new PhaseTimer(spec, (message) => this.timedOut(message));
    this.child.on('message', (message) => this.onMessage(message as RunnerMessage));
    forEachLine(this.child.stdout, (line) => this.onOutput(line));
    forEachLine(this.child.stderr, (line) => this.onOutput(line));
    // A fork that failed (no pid) never emits 'exit': answer its requests as if it had exited.
    this.child.on('error', () =>
      this.child.pid === undefined ? this.handleExit(null, null) : this.child.kill('SIGKILL'),
    );
    this.child.on('exit', (code, signal) => this.handleExit(code, signal));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.dead;
  }

  async ready(): Promise<InvokeFailure | undefined> {
    return undefined;
  }

  invokeHttp(req: HttpInvokeRequest): Promise<InvokeResult> {
    // The event is one JSON document sent over IPC: a streamed body is read whole first, and the
    // response is always buffered (the handler returns it whole). A read body takes no extra turn.
    if (!Buffer.isBuffer(req.body)) return this.invokeStreamed(req, req.body);
    return this.run(buildHttpEventText(req as BufferedHttpRequest), req.requestId).then(httpResult);
  }

  private async invokeStreamed(req: HttpInvokeRequest, stream: Parameters<typeof readWhole>[0]): Promise<InvokeResult> {
    const body = await readWhole(stream);
    if (!body)
      return { error: 'ClientClosedRequest', message: 'The request body ended before it was complete', logs: '' };
    return httpResult(await this.run(buildHttpEventText({ ...req, body }), req.requestId));
  }

  async invokeEvent(payload: Buffer, requestId: string): Promise<InvokeResult> {
    const outcome = await this.run(payload, requestId);
    if ('error' in outcome) return outcome;
    return { statusCode: 200, headers: [], body: toBodyBuffer(outcome.value), logs: outcome.logs };
  }

  onExit(listener: () => void): void {
    if (this.exited) listener();
    else this.exitListeners.push(listener);
  }

  /** Stops it and everything it started (its process group; in the sandbox, its PID namespace). */
  kill(): void {
    this.dead = true;
    this.memory.stop();
    this.timer.dispose();
    if (this.exited) return;
    if (this.child.pid === undefined || !killGroup(this.child.pid)) this.child.kill('SIGKILL');
  }

  /** The runner runs the preStop hook and exits; one that runs past the hook's timeout is killed. */
  retire(): void {
    const { spec } = this.options;
    if (!spec.preStop || this.dead || this.running.size > 0) return this.kill();
    this.dead = true;
    const timer = setTimeout(() => this.kill(), (spec.preStopTimeoutSeconds ?? spec.timeoutSeconds) * 1000);
    this.onExit(() => clearTimeout(timer));
    this.child.send({ t: 'preStop' }, (error) => error && this.kill());
  }

  /** `event`: its bytes, or text already known to be UTF-8 (an HTTP event), sent as is. */
  private run(event: Buffer | string, requestId: string): Promise<RunOutcome> {
    const log = new InvocationLog(requestId);
    log.addAll(this.pending.drain());
    if (this.dead) return Promise.resolve(this.exitFailure(log));
    const id = this.nextId++;
    return new Promise<RunOutcome>((resolve) => {
      this.running.set(id, { id, log, resolve });
      this.timer.start();
      this.memory.begin();
      const context = { requestId };
      // The event's bytes exactly: as text when they are UTF-8 (an HTTP event always is), else base64.
      const payload =
        typeof event === 'string'
          ? { event }
          : isUtf8(event)
            ? { event: event.toString('utf8') }
            : { eventBase64: event.toString('base64') };
      this.child.send({ t: 'invoke', id, ...payload, context }, (error) => {
        if (error) this.finish(id, this.exitFailure(log));
      });
    });
  }

  /** Answers an invocation once (a late result after a timeout or an exit is dropped). */
  private finish(id: number, outcome: RunOutcome): void {
    const running = this.running.get(id);
    if (!running) return;
    this.running.delete(id);
    this.timer.stop();
    this.memory.end();
    running.resolve(outcome);
  }

  private timedOut(message: string): void {
    for (const { id, log } of [...this.running.values()]) {
      log.add(message);
      this.finish(id, { error: 'FunctionTimeout', message, logs: log.close() });
    }
    this.kill();
  }

  private onMessage(message: RunnerMessage): void {
    if (message.t === 'log') {
      if (message.id === null) this.onOutput(message.text);
      else this.running.get(message.id)?.log.add(message.text);
      return;
    }
    if (message.t === 'phase') {
      if (this.running.has(message.id)) this.timer.enter(message.phase);
      return;
    }
    const running = this.running.get(message.id);
    if (!running) return;
    if (message.ok) {
      const value =
        message.base64 !== undefined
          ? Buffer.from(message.base64, 'base64')
          : message.v8 !== undefined
            ? deserialize(Buffer.from(message.v8, 'base64'))
            : message.json !== undefined
              ? JSON.parse(message.json)
              : message.value;
      this.finish(running.id, { ok: true, value, logs: running.log.close() });
    } else {
      const { code, errorType, stackTrace } = message;
      this.finish(running.id, {
        error: code,
        message: message.message,
        errorType,
        stackTrace,
        logs: running.log.close(),
      });
    }
  }

  /** Raw stdout/stderr and output outside an invocation: the running request's, else the next one's. */
  private onOutput(line: string): void {
    if (line.includes(HEAP_OUT_OF_MEMORY)) this.outOfMemory = true;
    const running = [...this.running.values()];
    if (running.length === 0) this.pending.push(line);
    for (const { log } of running) log.add(line);
  }

  private handleExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.dead = true;
    this.memory.stop();
    if (this.child.pid !== undefined) {
      // Whatever it started outside a sandbox goes with it.
      killGroup(this.child.pid);
      this.options.registry?.remove(this.child.pid);
    }
    // stdout may still hold the last lines: give the pipes a moment before answering.
    setTimeout(() => {
      this.exited = true;
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      for (const { id, log } of [...this.running.values()]) {
        log.add(this.exitMessage(how));
        this.finish(id, this.exitFailure(log, how));
      }
      for (const listener of this.exitListeners.splice(0)) listener();
    }, 20);
  }

  /** FC answers an out-of-memory function as an exited one; the message says which it was. */
  private exitFailure(log: InvocationLog, how = 'the instance is gone'): InvokeFailure {
    return { error: 'FunctionExited', message: this.exitMessage(how), logs: log.close() };
  }

  private exitMessage(how: string): string {
    if (this.outOfMemory) return outOfMemoryMessage(this.options.spec.memorySize);
    return `Process exited unexpectedly before completing request (${how})`;
  }
}

function httpResult(outcome: RunOutcome): InvokeResult {
  return 'error' in outcome ? outcome : { ...toHttpResponse(outcome.value), logs: outcome.logs };
}
