import { buildCase } from './cases';
import { SURFACES, preview, type FuzzCase, type Surface } from './draft';
import { sendRaw, type RawOutcome } from './raw-http';
import { memoryOf, startFuzzStack, type FuzzStack, type StackProcess } from './stack';
import { createTargets, type Targets } from './targets';
import { checkServing } from './serving';

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
};

export type Finding = {
  id: number;
  surface: Surface;
  kind: string;
  detail: string;
  /** What went wrong: an answer in the 5xx range, or no answer from a process that had died. */
  problem: string;
  request: string;
};

export type Memory = { before?: { rssKb: number; peakKb: number }; after?: { rssKb: number; peakKb: number } };

export type FuzzResult = {
  seed: number;
  sent: number;
  elapsedMs: number;
  stoppedBy: 'count' | 'time' | 'crash';
  /** surface → mutation kind → requests sent. */
  tried: Record<Surface, Record<string, number>>;
  /** surface → outcome (2xx, 4xx, 5xx, closed, timeout, hung-up, refused) → requests. */
  outcomes: Record<Surface, Record<string, number>>;
  findings: Finding[];
  crashes: Array<{ process: string; exit: string; lastRequestId?: number; tail: string[] }>;
  /** Requests that got no answer within the timeout (not failures: a server may wait for a body). */
  unanswered: Finding[];
  memory: Record<StackProcess['name'], Memory>;
  /** After the run: each surface still answers a plain, valid request. */
  serving: string[];
  errorLines: Record<StackProcess['name'], string[]>;
};

const emptyBySurface = <T>(make: () => T) => Object.fromEntries(SURFACES.map((s) => [s, make()])) as Record<Surface, T>;
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

function outcomeLabel(outcome: RawOutcome): string {
  return outcome.kind === 'answered' ? `${Math.floor(outcome.status / 100)}xx` : outcome.kind;
}

/** The error code and message of an error body, when it has one. */
function problemOf(outcome: Extract<RawOutcome, { kind: 'answered' }>): string {
  const code = /"(?:Code|code)"\s*:\s*"([^"]*)"/.exec(outcome.body)?.[1];
  const message = /"(?:Message|message)"\s*:\s*"([^"]*)"/.exec(outcome.body)?.[1];
  return `answered ${outcome.status}${code ? ` ${code}` : ''}${message ? `: ${message.slice(0, 160)}` : ''}`;
}

function record(c: FuzzCase, problem: string): Finding {
  return {
    id: c.id,
    surface: c.surface,
    kind: c.kind,
    detail: c.detail,
    problem,
    request: preview(Buffer.concat(c.request.parts)),
  };
}

async function runCases(stack: FuzzStack, targets: Targets, options: FuzzOptions, result: FuzzResult) {
  const ids = options.only ?? Array.from({ length: options.count * SURFACES.length }, (_, i) => i);
  const started = Date.now();
  result.stoppedBy = 'count';
  for (const id of ids) {
    if (Date.now() - started > options.timeLimitS * 1000) {
      result.stoppedBy = 'time';
      break;
    }
    const c = buildCase(options.seed, id, targets);
    bump(result.tried[c.surface], c.kind);
    const outcome = await sendRaw(c.request, options.requestTimeoutMs);
    result.sent += 1;
    bump(result.outcomes[c.surface], outcomeLabel(outcome));
    if (outcome.kind === 'answered' && outcome.status >= 500) result.findings.push(record(c, problemOf(outcome)));
    if (outcome.kind === 'timeout' && c.request.then === 'wait')
      result.unanswered.push(record(c, `no answer in ${options.requestTimeoutMs} ms`));
    const dead = [stack.engine, stack.console].filter((p) => p.exit !== undefined);
    if (outcome.kind === 'refused' || dead.length > 0) {
      await new Promise((r) => setTimeout(r, 200)); // let an exit be reported
      for (const p of [stack.engine, stack.console].filter((q) => q.exit !== undefined))
        result.crashes.push({ process: p.name, exit: p.exit!, lastRequestId: id, tail: p.tail().slice(-30) });
      if (result.crashes.length > 0) {
        result.findings.push(
          record(c, `${result.crashes.map((x) => `${x.process} ${x.exit}`).join(', ')} after this request`),
        );
        result.stoppedBy = 'crash';
        break;
      }
      result.findings.push(record(c, `connection refused (${outcome.kind === 'refused' ? outcome.error : ''})`));
    }
    if (result.sent % 60 === 0) options.log?.(`fuzz: ${result.sent} requests sent, ${result.findings.length} findings`);
  }
  result.elapsedMs = Date.now() - started;
}

/** Start a fresh stack, create the targets, send the seeded requests, check the stack still serves, stop it. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const result: FuzzResult = {
    seed: options.seed,
    sent: 0,
    elapsedMs: 0,
    stoppedBy: 'count',
    tried: emptyBySurface(() => ({})),
    outcomes: emptyBySurface(() => ({})),
    findings: [],
    crashes: [],
    unanswered: [],
    memory: { engine: {}, console: {} },
    serving: [],
    errorLines: { engine: [], console: [] },
  };
  options.log?.('fuzz: starting the engine and the console…');
  const stack = await startFuzzStack();
  try {
    const targets = await createTargets(stack);
    const warm = await checkServing(targets);
    if (warm.length > 0) throw new Error(`the stack does not serve before fuzzing: ${warm.join('; ')}`);
    for (const p of [stack.engine, stack.console]) result.memory[p.name].before = memoryOf(p.pid);
    options.log?.(
      `fuzz: seed ${options.seed}, engine :${stack.enginePort} (pid ${stack.engine.pid}), console :${stack.consolePort} (pid ${stack.console.pid})`,
    );
    await runCases(stack, targets, options, result);
    if (result.stoppedBy !== 'crash') result.serving = await checkServing(targets);
    for (const p of [stack.engine, stack.console]) {
      result.memory[p.name].after = memoryOf(p.pid);
      result.errorLines[p.name] = p.errorLines();
    }
  } finally {
    await stack.stop();
  }
  return result;
}
