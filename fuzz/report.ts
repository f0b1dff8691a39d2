import { SURFACES } from './draft';
import type { Finding, FuzzResult, Memory } from './fuzz-result';

const MB = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

function memoryLine(name: string, memory: Memory): string {
  const { before, after, restarted } = memory;
  if (!before && !after) return `  ${name}: n/a (no /proc on this system)`;
  const rss = `${before ? MB(before.rssKb) : '?'} → ${after ? MB(after.rssKb) : 'exited'}`;
  const peak = after ? ` (peak ${MB(after.peakKb)})` : '';
  return `  ${name}: RSS ${rss}${peak}${restarted ? ', the second figure of the process restarted after a crash' : ''}`;
}

function findingLines(findings: Finding[], seed: number, limit: number): string[] {
  const lines: string[] = [];
  for (const f of findings.slice(0, limit)) {
    lines.push(`  #${f.id} ${f.surface} ${f.kind}: ${f.problem}`);
    lines.push(`      ${f.detail.slice(0, 300)}`);
    lines.push(`      request ${f.request}`);
    lines.push(`      replay: npm run fuzz -- --seed ${seed} --only ${f.id}`);
  }
  if (findings.length > limit) lines.push(`  … and ${findings.length - limit} more`);
  return lines;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((n, c) => n + c, 0);
const counts = (byOutcome: Record<string, number>) =>
  Object.entries(byOutcome)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, c]) => `${k} ${c}`)
    .join(', ');

/** What was tried, what broke (with the replay command), and the memory before and after. */
export function formatReport(result: FuzzResult): string {
  const out: string[] = [];
  out.push(
    `fc-console fuzz: seed ${result.seed}, ${result.sent} requests in ${(result.elapsedMs / 1000).toFixed(1)} s (stopped by ${result.stoppedBy})`,
  );
  out.push('', 'Tried (requests per surface and mutation kind, by outcome):');
  for (const surface of SURFACES) {
    const tried = Object.entries(result.tried[surface]).sort(([a], [b]) => a.localeCompare(b));
    out.push(`  ${surface} (${sum(result.outcomes[surface])}): ${counts(result.outcomes[surface])}`);
    for (const [kind, byOutcome] of tried) out.push(`    ${kind} ${sum(byOutcome)}: ${counts(byOutcome)}`);
  }
  const signatures = [...new Set(result.crashes.map((c) => c.signature))];
  out.push('', `Crashes: ${result.crashes.length}${signatures.length > 1 ? ` (${signatures.length} different)` : ''}`);
  for (const signature of signatures) {
    const [first, ...again] = result.crashes.filter((c) => c.signature === signature);
    if (!first) continue;
    out.push(
      `  the ${first.process} ended (${first.exit}): ${signature}${again.length ? `, ${again.length + 1} times` : ''}`,
    );
    out.push('    the requests sent before it (the cause is usually one of the last few):');
    out.push(...first.recent.map((line) => `      ${line}`));
    for (const c of again)
      out.push(
        `    again after: ${c.recent
          .slice(-3)
          .map((l) => l.split(':')[0])
          .join(', ')}`,
      );
    out.push('    its last lines:', ...first.tail.map((line) => `    | ${line}`));
  }
  const fiveXx = result.findings.filter((f) => f.problem.startsWith('answered 5'));
  out.push('', `5xx answers to bad input: ${fiveXx.length}`);
  out.push(...findingLines(result.findings, result.seed, 25));
  if (result.unanswered.length > 0) {
    out.push(
      '',
      `No answer within the timeout (a complete request, not counted as a failure): ${result.unanswered.length}`,
    );
    out.push(...findingLines(result.unanswered, result.seed, 8));
  }
  out.push(
    '',
    `Still serving after the run: ${result.stoppedBy === 'crashes' ? 'not checked (crash)' : result.serving.length === 0 ? 'yes' : 'NO'}`,
  );
  out.push(...result.serving.map((p) => `  ${p}`));
  out.push('', 'Memory:', memoryLine('engine', result.memory.engine), memoryLine('console', result.memory.console));
  for (const name of ['engine', 'console'] as const) {
    const lines = result.errorLines[name];
    if (lines.length === 0) continue;
    out.push(
      '',
      `Error lines the ${name} printed (${lines.length}):`,
      ...lines.slice(0, 15).map((l) => `  | ${l.slice(0, 240)}`),
    );
  }
  return out.join('\n');
}

/** A run fails on a crash, a 5xx for bad input, or a stack that stopped serving. */
export function failed(result: FuzzResult): boolean {
  return result.crashes.length > 0 || result.findings.length > 0 || result.serving.length > 0;
}
