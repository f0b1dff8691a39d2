import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { InvocationLog, PendingOutput, forEachLine } from './invocation-log';
import { findFreePort, waitForListener } from './port';
import type { FunctionSpec, HttpInvokeRequest, Instance, InvokeFailure, InvokeResult } from './types';
import { proxyRequest, type ProxyCall } from './web-proxy';

export type WebInstanceOptions = {
  spec: FunctionSpec;
  codeDir: string;
  /** The function's environment; the port variables are added here. */
  env: Record<string, string>;
  startupTimeoutMs: number;
};

/**
 * A web function instance (custom runtime): the function's own server, started with
 * `command + args` in the code dir and listening on the port in FC_SERVER_PORT / PORT.
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
  private gone = false;

  constructor(private readonly options: WebInstanceOptions) {
    this.capacity = Math.max(1, options.spec.instanceConcurrency);
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

  invokeHttp(req: HttpInvokeRequest, signal?: AbortSignal): Promise<InvokeResult> {
    const path = req.query ? `${req.rawPath}?${req.query}` : req.rawPath;
    const { method, headers, body, requestId, respondTo } = req;
    return this.proxy({ method, path, headers, body, requestId, signal, respondTo });
  }

  /** InvokeFunction on a web function: FC's custom-runtime event call, `POST /invoke` with the payload, buffered. */
  invokeEvent(payload: Buffer, requestId: string, signal?: AbortSignal): Promise<InvokeResult> {
    const headers = { 'content-type': 'application/octet-stream' };
    return this.proxy({ method: 'POST', path: '/invoke', headers, body: payload, requestId, signal });
  }

  onExit(listener: () => void): void {
    if (this.gone) listener();
    else this.exitListeners.push(listener);
  }

  kill(): void {
    this.dead = true;
    const pid = this.child?.pid;
    if (pid === undefined || this.child?.exitCode !== null || this.child.signalCode !== null) return;
    if (!killGroup(pid)) this.child.kill('SIGKILL');
  }

  private async start(): Promise<InvokeFailure | undefined> {
    const { spec, codeDir, env, startupTimeoutMs } = this.options;
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
    const child = spawn(file, [...commandArgs, ...(spec.customRuntimeConfig?.args ?? [])], {
      cwd: codeDir,
      env: { ...env, FC_SERVER_PORT: port, FC_CUSTOM_LISTEN_PORT: port, PORT: port },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child = child;
    forEachLine(child.stdout, (line) => this.onOutput(line));
    forEachLine(child.stderr, (line) => this.onOutput(line));
    child.on('error', (error) => {
      spawnError = error;
      this.onChildGone();
    });
    child.on('exit', () => this.onChildGone());

    const host = await waitForListener(this.port, deadline, () => this.dead);
    if (host) {
      this.host = host;
      return undefined;
    }
    const reason = spawnError
      ? `The start command failed: ${spawnError.message}`
      : child.exitCode !== null || child.signalCode !== null
        ? `The start command exited (${child.signalCode ?? `exit code ${child.exitCode}`}) before listening on port ${port}`
        : `The function did not listen on port ${port} (FC_SERVER_PORT) within ${startupTimeoutMs} ms`;
    this.kill();
    return this.startFailure(reason);
  }

  private startFailure(message: string): InvokeFailure {
    return { error: 'InstanceStartFailed', message, logs: [...this.output.peek(), message, ''].join('\n') };
  }

  private async proxy(call: Omit<ProxyCall, 'timeoutSeconds' | 'broken'>): Promise<InvokeResult> {
    const log = new InvocationLog(call.requestId);
    log.addAll(this.output.drain());
    if (this.dead) return this.exitFailure(log);
    this.inFlight.add(log);
    const target = { host: this.host, port: this.port, agent: this.agent };
    const timeoutSeconds = this.options.spec.timeoutSeconds;
    const outcome = await proxyRequest(target, {
      ...call,
      timeoutSeconds,
      broken: (error) => this.onProxyError(error),
    });
    this.inFlight.delete(log);
    if ('error' in outcome) log.add(outcome.message);
    return { ...outcome, logs: log.close() };
  }

  private async onProxyError(error: Error): Promise<Omit<InvokeFailure, 'logs'>> {
    // A reset connection is the process dying more often than not: give its exit a moment to show.
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (this.dead) return { error: 'FunctionExited', message: 'Process exited unexpectedly before completing request' };
    return { error: 'BadResponse', message: `The function's server broke the connection: ${error.message}` };
  }

  private exitFailure(log: InvocationLog): InvokeFailure {
    const message = 'Process exited unexpectedly before completing request';
    log.add(message);
    return { error: 'FunctionExited', message, logs: log.close() };
  }

  private onOutput(line: string): void {
    if (this.inFlight.size === 0) this.output.push(line);
    for (const log of this.inFlight) log.add(line);
  }

  private onChildGone(): void {
    this.dead = true;
    if (this.gone) return;
    this.gone = true;
    // Whatever the start command left behind in its process group goes with it.
    if (this.child?.pid !== undefined) killGroup(this.child.pid);
    this.agent.destroy();
    for (const listener of this.exitListeners.splice(0)) listener();
  }
}

/** Kills the process group (detached spawn): a start command such as `sh -c` or `npm start` has children of its own. */
function killGroup(pid: number): boolean {
  try {
    process.kill(-pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}
