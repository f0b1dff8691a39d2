import { SURFACES, preview, type FuzzCase, type Surface } from './draft';
import type { RawOutcome } from './raw-http';
import type { StackProcess } from './stack';

export type Finding = {
  id: number;
  surface: Surface;
  kind: string;
  detail: string;
  /** What went wrong: an answer in the 5xx range, a process that died, a refused connection. */
  problem: string;
  request: string;
};

type Rss = { rssKb: number; peakKb: number };
/** `after` is of the process running at the end: a restarted one when the first crashed. */
export type Memory = { before?: Rss; after?: Rss; restarted?: boolean };

export type Crash = {
  process: StackProcess['name'];
  exit: string;
  /** The process and its error line: crashes with the same signature are one bug. */
  signature: string;
  /** The requests sent just before: the one that caused it may have been answered before the process died. */
  recent: string[];
  tail: string[];
};

export type FuzzResult = {
  seed: number;
  sent: number;
  elapsedMs: number;
  stoppedBy: 'count' | 'time' | 'crashes';
  /** surface → mutation kind → outcome → requests sent. */
  tried: Record<Surface, Record<string, Record<string, number>>>;
  /** surface → outcome (2xx, 4xx, 5xx, closed, timeout, hung-up, refused) → requests. */
  outcomes: Record<Surface, Record<string, number>>;
  findings: Finding[];
  crashes: Crash[];
  /** Complete requests that got no answer within the timeout (reported, not failures). */
  unanswered: Finding[];
  memory: Record<StackProcess['name'], Memory>;
  /** After the run: what did not answer a plain, valid request with 200. */
  serving: string[];
  errorLines: Record<StackProcess['name'], string[]>;
};

export function emptyResult(seed: number): FuzzResult {
  const bySurface = <T>() => Object.fromEntries(SURFACES.map((s) => [s, {}])) as Record<Surface, Record<string, T>>;
  return {
    seed,
    sent: 0,
    elapsedMs: 0,
    stoppedBy: 'count',
    tried: bySurface<Record<string, number>>(),
    outcomes: bySurface<number>(),
    findings: [],
    crashes: [],
    unanswered: [],
    memory: { engine: {}, console: {} },
    serving: [],
    errorLines: { engine: [], console: [] },
  };
}

export const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

export function outcomeLabel(outcome: RawOutcome): string {
  return outcome.kind === 'answered' ? `${Math.floor(outcome.status / 100)}xx` : outcome.kind;
}

/** `answered 500 InternalError: message`, from an error body when it has a code. */
export function problemOf(outcome: Extract<RawOutcome, { kind: 'answered' }>): string {
  const code = /"(?:Code|code)"\s*:\s*"([^"]*)"/.exec(outcome.body)?.[1];
  const message = /"(?:Message|message)"\s*:\s*"([^"]*)"/.exec(outcome.body)?.[1];
  return `answered ${outcome.status}${code ? ` ${code}` : ''}${message ? `: ${message.slice(0, 160)}` : ''}`;
}

export function finding(c: FuzzCase, problem: string): Finding {
  const { id, surface, kind, detail } = c;
  return { id, surface, kind, detail, problem, request: preview(Buffer.concat(c.request.parts)) };
}
