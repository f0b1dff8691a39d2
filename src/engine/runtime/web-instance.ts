import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { CUSTOM_RUNTIME_DEFAULT_PORT } from '../../contract/function';
import { InvocationLog, PendingOutput, forEachLine } from './invocation-log';
import { listeningPorts } from './listening-ports';
import { findFreePort, waitForListener } from './port';
import { processTree } from './sandbox/process-tree';
import type { InstanceRegistry } from './sandbox/instance-registry';
import { MemoryWatch, outOfMemoryMessage } from './sandbox/memory-watch';
import { killGroup, type Sandbox } from './sandbox/sandbox';
import { exitedBeforeListening, listensOnConfiguredPort, notListening } from './start-failure';
import type { FunctionSpec, HttpInvokeRequest, Instance, InvokeFailure, InvokeResult } from './types';
import type { HangUpSignal } from './hang-up';
import { CONTROL_PATH, functionRequestHeaders } from './fc-request-headers';
import { runInitializer, runPreStop } from './web-hooks';
import { proxyRequest, type ProxyCall, type ProxyTarget } from './web-proxy';

export type WebInstanceOptions = {
  spec: FunctionSpec;
  codeDir: string;
  /** The function's environment; the port variables are added here. */
  env: Record<string, string>;
  /** Named to the function's server in FC's common headers. */
  account: { accountId: string; region: string };
  startupTimeoutMs: number;
  sandbox: Sandbox;
  registry?: InstanceRegistry;
};

/** How often a starting instance is checked for listening on its configured port instead of its own. */
const PORT_CHECK_MS = 100;

/**
 * A web function instance (custom runtime): the function's own server, started with
 * `command + args` in the code dir and listening on the port in FC_SERVER_PORT / PORT: a free
 * port of its own, as functions share the machine's network (docs/decisions/013-custom-runtime-port.md).
 * Requests are proxied unchanged (web-proxy.ts); an HTTP trigger request's bodies are streamed
 * both ways when the caller streams them, while InvokeFunction and async invocations are buffered.
 */
export class WebInstance implements Instance {
  readonly capacity: number;
  private child: ChildProcess | undefined;
  private host = '127.0.0.1';
  private port = 0;
  private readonly agent = new http.Agent({ keepAlive: true });
  private readonly inFlight = new Set<InvocationLog>();
  private readonly output = new PendingOutput();
  private readonly exitListeners: Array<() => void> = [];
  private readonly starting: Promise<InvokeFailure | undefined>;
  private dead = false;
  private listening = false;
  /** FC's Initializer hook (`POST /initialize`) runs before the first request it serves, until it succeeds. */
  private initialized: boolean;
  private initializing: Promise<Omit<InvokeFailure, 'logs'> | undefined> | undefined;
  private gone = false;
  private outOfMemory = false;
  private readonly memory: MemoryWatch;
  private readonly fcHeaders: Readonly<Record<string, string>>;

  constructor(private readonly options: WebInstanceOptions) {
    this.capacity = Math.max(1, options.spec.instanceConcurrency);
    this.fcHeaders = functionRequestHeaders(options.spec, options.account);
    this.initialized = !options.spec.initializer;
    this.memory = new MemoryWatch(
      () => this.child?.pid,
      options.spec.memorySize * 1024 * 1024,
      () => {
        this.outOfMemory = true;
        this.kill();
      },
    );
    this.starting = this.start();
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !this.dead;
  }

  ready(): Promise<InvokeFailure | undefined> {
    return this.starting;
  }

  invokeHttp(req: HttpInvokeRequest, signal?: HangUpSignal): Promise<InvokeResult> {
    const path = req.query ? `${req.rawPath}?${req.query}` : req.rawPath;
    const { method, headers, body, requestId, respondTo } = req;
    return this.proxy({ method, path, headers, body, requestId, controlPath: CONTROL_PATH.http, signal, respondTo });
  }

  /** InvokeFunction on a web function: FC's custom-runtime event call, `POST /invoke` with the payload, buffered. */
  invokeEvent(payload: Buffer, requestId: string, signal?: HangUpSignal): Promise<InvokeResult> {
    const headers = { 'content-type': 'application/octet-stream' };
    const controlPath = CONTROL_PATH.event;
    return this.proxy({ method: 'POST', path: controlPath, headers, body: payload, requestId, controlPath, signal });
  }

  onExit(listener: () => void): void {
    if (this.gone) listener();
    else this.exitListeners.push(listener);
  }

  kill(): void {
    this.dead = true;
    this.memory.stop();
    const pid = this.child?.pid;
    if (pid === undefined || this.child?.exitCode !== null || this.child.signalCode !== null) return;
    if (!killGroup(pid)) this.child.kill('SIGKILL');
  }

  /** FC's PreStop hook (`GET /pre-stop`) first when it has one, in the background and bounded by its timeout. */
  retire(): void {
    const { spec } = this.options;
    if (!spec.preStop || this.dead || !this.listening || this.inFlight.size > 0) return this.kill();
    this.dead = true;
    void runPreStop(this.target, spec, (error) => this.onProxyError(error)).then(() => this.kill());
  }

  private async start(): Promise<InvokeFailure | undefined> {
    const { spec, codeDir, env, startupTimeoutMs, sandbox } = this.options;
    const deadline = Date.now() + startupTimeoutMs;
    const command = spec.customRuntimeConfig?.command ?? [];
    const [file, ...commandArgs] = command;
    if (!file) {
      this.onChildGone();
      return this.startFailure('customRuntimeConfig.command is empty');
    }
    this.port = await findFreePort();
    if (this.dead) {
      this.onChildGone();
      return this.startFailure('The instance was stopped before it started');
    }
    const port = String(this.port);
    let spawnError: Error | undefined;
    const plan = sandbox.plan({
      codeDir,
      env: { ...env, FC_SERVER_PORT: port, FC_CUSTOM_LISTEN_PORT: port, PORT: port },
      command: () => [file, ...commandArgs, ...(spec.customRuntimeConfig?.args ?? [])],
    });
    const child = spawn(plan.file, plan.args, {
      cwd: plan.cwd,
      env: plan.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child = child;
    if (child.pid !== undefined) this.options.registry?.add(child.pid);
    forEachLine(child.stdout, (line) => this.onOutput(line));
    forEachLine(child.stderr, (line) => this.onOutput(line));
    child.on('error', (error) => {
      spawnError = error;
      this.onChildGone();
    });
    child.on('exit', () => this.onChildGone());

    const misplaced = this.portCheck();
    const host = await waitForListener(this.port, deadline, () => this.dead || misplaced());
    if (host) {
      this.host = host;
      this.listening = true;
      return undefined;
    }
    const exit = child.exitCode !== null || child.signalCode !== null;
    // Its last words (a Python traceback's last line says what was missing) may still be in the pipes.
    if (exit) await Promise.race([once(child, 'close'), new Promise((resolve) => setTimeout(resolve, 200))]);
    const reason = spawnError
      ? `The start command failed: ${spawnError.message}`
      : exit
        ? exitedBeforeListening(
            child.signalCode ?? `exit code ${child.exitCode}`,
            this.port,
            lastWords(this.output.peek()),
          )
        : misplaced()
          ? listensOnConfiguredPort(this.configuredPort, this.port)
          : notListening(this.port, startupTimeoutMs, this.ports());
    this.kill();
    return this.startFailure(reason);
  }

  /** Whether the function listens on its configured port and not on the one it was given, checked now and then. */
  private portCheck(): () => boolean {
    const configured = this.configuredPort;
    // Not at once: most servers listen on their port within a few milliseconds, and /proc costs a little.
    let checkedAt = Date.now();
    let misplaced = false;
    return () => {
      if (misplaced || configured === this.port || Date.now() - checkedAt < PORT_CHECK_MS) return misplaced;
      checkedAt = Date.now();
      const ports = this.ports();
      misplaced = ports.includes(configured) && !ports.includes(this.port);
      return misplaced;
    };
  }

  private get configuredPort(): number {
    return this.options.spec.customRuntimeConfig?.port ?? CUSTOM_RUNTIME_DEFAULT_PORT;
  }

  private ports(): number[] {
    const pid = this.child?.pid;
    return pid === undefined || this.gone ? [] : listeningPorts(processTree(pid));
  }

  private startFailure(message: string): InvokeFailure {
    return { error: 'InstanceStartFailed', message, logs: [...this.output.peek(), message, ''].join('\n') };
  }

  private async proxy(call: Omit<ProxyCall, 'timeoutSeconds' | 'broken'>): Promise<InvokeResult> {
    const log = new InvocationLog(call.requestId);
    log.addAll(this.output.drain());
    if (this.dead) return this.exitFailure(log);
    this.inFlight.add(log);
    this.memory.begin();
    const failed = this.initialized ? undefined : await this.initialize(call.requestId);
    const timeoutSeconds = this.options.spec.timeoutSeconds;
    const outcome =
      failed ??
      (await proxyRequest(this.target, {
        ...call,
        timeoutSeconds,
        broken: (error) => this.onProxyError(error),
      }));
    this.inFlight.delete(log);
    this.memory.end();
    if ('error' in outcome) log.add(outcome.message);
    return { ...outcome, logs: log.close() };
  }

  private get target(): ProxyTarget {
    return { host: this.host, port: this.port, agent: this.agent, fcHeaders: this.fcHeaders };
  }

  /** One run at a time: requests that arrive meanwhile share its outcome. */
  private initialize(requestId: string): Promise<Omit<InvokeFailure, 'logs'> | undefined> {
    this.initializing ??= runInitializer(this.target, this.options.spec, requestId, (error) =>
      this.onProxyError(error),
    ).then((failure) => {
      this.initializing = undefined;
      if (!failure) this.initialized = true;
      return failure;
    });
    return this.initializing;
  }

  private async onProxyError(error: Error): Promise<Omit<InvokeFailure, 'logs'>> {
    // A reset connection is the process dying more often than not: give its exit a moment to show.
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (this.dead) return { error: 'FunctionExited', message: this.exitMessage() };
    return { error: 'BadResponse', message: `The function's server broke the connection: ${error.message}` };
  }

  private exitFailure(log: InvocationLog): InvokeFailure {
    const message = this.exitMessage();
    log.add(message);
    return { error: 'FunctionExited', message, logs: log.close() };
  }

  /** FC answers an out-of-memory function as an exited one; the message says which it was. */
  private exitMessage(): string {
    if (this.outOfMemory) return outOfMemoryMessage(this.options.spec.memorySize);
    return 'Process exited unexpectedly before completing request';
  }

  private onOutput(line: string): void {
    if (this.inFlight.size === 0) this.output.push(line);
    for (const log of this.inFlight) log.add(line);
  }

  private onChildGone(): void {
    this.dead = true;
    if (this.gone) return;
    this.gone = true;
    this.memory.stop();
    // Whatever the start command left behind in its process group goes with it.
    if (this.child?.pid !== undefined) {
      killGroup(this.child.pid);
      this.options.registry?.remove(this.child.pid);
    }
    this.agent.destroy();
    for (const listener of this.exitListeners.splice(0)) listener();
  }
}

/** The last thing it printed (in the sandbox, bubblewrap's own `execvp ...: No such file or directory`). */
function lastWords(lines: string[]): string | undefined {
  return lines.findLast((line) => line.trim() !== '');
}
