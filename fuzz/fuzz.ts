import { buildCase } from './cases';
import { SURFACES, type FuzzCase } from './draft';
import { bump, emptyResult, finding, outcomeLabel, problemOf, type Finding, type FuzzResult } from './fuzz-result';
import { sendRaw, type RawOutcome } from './raw-http';
import { checkServing } from './serving';
import { memoryOf, startFuzzStack, type FuzzStack, type StackProcess } from './stack';
import { createTargets, type Targets } from './targets';

export type FuzzOptions = {
  seed: number;
  /** Requests per surface. */
  count: number;
  timeLimitS: number;
  /** Replay these request ids only. */
  only?: number[];
  requestTimeoutMs: number;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
  /** Log every request and its outcome. */
  verbose?: boolean;
};

/** Requests a crash report lists. */
const RECENT = 8;
/** A crash may come a moment after the request that caused it. */
const SETTLE_MS = 1000;
/** A process that crashed is started again (same data dir) this many times, so one bug does not hide the rest. */
const MAX_RESTARTS = 5;

const processes = (stack: FuzzStack): StackProcess[] => [stack.engine, stack.console];

class Run {
  private readonly recent: string[] = [];
  private serverErrors: Finding[] = [];

  constructor(
    private readonly stack: FuzzStack,
    private readonly targets: Targets,
    private readonly options: FuzzOptions,
    readonly result: FuzzResult,
  ) {}

  async all(): Promise<void> {
    const { options, result } = this;
    const ids = options.only ?? Array.from({ length: options.count * SURFACES.length }, (_, i) => i);
    const started = Date.now();
    for (const id of ids) {
      if (Date.now() - started > options.timeLimitS * 1000) {
        result.stoppedBy = 'time';
        break;
      }
      const c = buildCase(options.seed, id, this.targets);
      const outcome = await sendRaw(c.request, options.requestTimeoutMs);
      this.note(c, outcome);
      if (!(await this.survived(c, outcome))) break;
      if (result.sent % 60 === 0) options.log?.(`fuzz: ${result.sent} requests, ${result.findings.length} findings`);
    }
    result.elapsedMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    this.noteCrashes();
  }

  private note(c: FuzzCase, outcome: RawOutcome) {
    const { result, options } = this;
    result.sent += 1;
    bump((result.tried[c.surface][c.kind] ??= {}), outcomeLabel(outcome));
    bump(result.outcomes[c.surface], outcomeLabel(outcome));
    const line = `#${c.id} ${c.surface} ${c.kind} → ${outcome.kind === 'answered' ? outcome.status : outcome.kind}: ${c.detail}`;
    this.recent.push(line.slice(0, 200));
    if (this.recent.length > RECENT) this.recent.shift();
    if (options.verbose) options.log?.(line.slice(0, 200));
    if (outcome.kind === 'answered' && outcome.status >= 500) this.serverErrors.push(finding(c, problemOf(outcome)));
    if (outcome.kind === 'timeout' && c.request.then === 'wait')
      result.unanswered.push(finding(c, `no answer in ${options.requestTimeoutMs} ms`));
  }

  /**
   * After each request: did both processes live through it? A crashed one is restarted, a few
   * times. A 5xx counts once it is clear no process was dying (the console answers 503 while the
   * engine is gone: that is the crash's doing, not the request's).
   */
  private async survived(c: FuzzCase, outcome: RawOutcome): Promise<boolean> {
    const suspect = outcome.kind === 'refused' || this.serverErrors.length > 0;
    if (!suspect && processes(this.stack).every((p) => p.exit === undefined)) return true;
    await new Promise((r) => setTimeout(r, 200)); // let an exit be reported
    const crashed = this.noteCrashes();
    if (crashed.length === 0) this.result.findings.push(...this.serverErrors);
    this.serverErrors = [];
    if (crashed.length === 0 && outcome.kind !== 'refused') return true;
    if (crashed.length === 0) {
      this.result.findings.push(finding(c, `connection refused (${outcome.kind === 'refused' ? outcome.error : ''})`));
      return true;
    }
    this.result.findings.push(
      finding(c, `${crashed.map((p) => `the ${p.name} crashed (${p.exit})`).join(', ')}, seen after this request`),
    );
    if (this.result.crashes.length > MAX_RESTARTS) {
      this.result.stoppedBy = 'crashes';
      return false;
    }
    for (const p of crashed) await this.stack.restart(p.name);
    this.options.log?.(`fuzz: restarted the ${crashed.map((p) => p.name).join(' and ')} after a crash`);
    return true;
  }

  /** Record each process that has exited (once) and answer them. */
  noteCrashes(): StackProcess[] {
    const crashed = processes(this.stack).filter((p) => p.exit !== undefined && !this.seen.has(p));
    for (const p of crashed) {
      this.seen.add(p);
      const tail = p.tail().slice(-30);
      const signature = `${p.name}: ${tail.find((line) => /^\w*Error\b/.test(line.trim())) ?? p.exit}`;
      this.result.crashes.push({
        process: p.name,
        exit: p.exit!,
        signature,
        recent: this.recent.slice(),
        tail,
      });
      this.result.errorLines[p.name].push(...p.errorLines());
    }
    return crashed;
  }

  private readonly seen = new Set<StackProcess>();
}

/** Start a fresh stack, create the targets, send the seeded requests, check the stack still serves, stop it. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const result = emptyResult(options.seed);
  options.log?.('fuzz: starting the engine and the console…');
  const stack = await startFuzzStack();
  try {
    const targets = await createTargets(stack);
    // Web functions are left cold: a request that breaks off during a cold start is part of the run.
    const before = await checkServing(targets, (t) => !t.functionName.includes('web'));
    if (before.length > 0) throw new Error(`the stack does not serve before fuzzing: ${before.join('; ')}`);
    const first = processes(stack);
    for (const p of first) result.memory[p.name].before = memoryOf(p.pid);
    options.log?.(
      `fuzz: seed ${options.seed}, engine :${stack.enginePort} (pid ${stack.engine.pid}), console :${stack.consolePort} (pid ${stack.console.pid})`,
    );
    const run = new Run(stack, targets, options, result);
    await run.all();
    if (result.stoppedBy !== 'crashes') {
      result.serving = await checkServing(targets);
      run.noteCrashes();
    }
    for (const p of processes(stack)) {
      result.memory[p.name].after = memoryOf(p.pid);
      result.memory[p.name].restarted = !first.includes(p);
    }
    for (const p of processes(stack)) if (p.exit === undefined) result.errorLines[p.name].push(...p.errorLines());
  } finally {
    await stack.stop();
  }
  return result;
}
