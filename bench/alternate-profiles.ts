// Not part of `npm run bench`: an A/B of the engine's CPU per request on a shared machine, the two
// checkouts' `bench/profile-engine.ts` run one after the other, in turn, for several rounds:
//   node --import tsx bench/alternate-profiles.ts <old checkout> <new checkout> [mode] [rounds] [connections]
// (mode: sync, web or async, as profile-engine takes it; both checkouts need a profile-engine.ts knowing it).
// Prints each run's CPU ms per request (gateway loop, whole process, instances) and rate, then the medians
// and, round by round, new's loop CPU as a share of old's (the pairs are the evidence on a loaded machine).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { round } from './stats';

type Run = { perSecond: number; cpu: { loop: number; self: number; children: number } };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

const [oldDir, newDir, mode = 'web', rounds = '4', connections = '10'] = process.argv.slice(2);
if (!oldDir || !newDir) throw new Error('usage: alternate-profiles.ts <old checkout> <new checkout> [mode] [rounds]');

function profile(dir: string): Run {
  const out = execFileSync('node', ['--import', 'tsx', 'bench/profile-engine.ts', mode, connections], {
    cwd: path.resolve(dir),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 300_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

const runs: Record<'old' | 'new', Run[]> = { old: [], new: [] };
const row = (
  side: string,
  round: number | string,
  r: { perSecond: number; loop: number; self: number; children: number },
) =>
  console.log(
    [side, String(round), r.loop.toFixed(3), r.self.toFixed(3), r.children.toFixed(3), r.perSecond.toFixed(0)]
      .map((cell) => cell.padStart(8))
      .join(' '),
  );
console.log(['side', 'round', 'loop', 'self', 'children', 'req/s'].map((cell) => cell.padStart(8)).join(' '));
for (let i = 1; i <= Number(rounds); i++) {
  // Which side goes first alternates too: neither always meets the machine as the other left it.
  const order = i % 2 === 1 ? (['old', 'new'] as const) : (['new', 'old'] as const);
  for (const side of order) {
    const run = profile(side === 'old' ? oldDir : newDir);
    runs[side].push(run);
    row(side, i, { perSecond: run.perSecond, ...run.cpu });
  }
}
for (const side of ['old', 'new'] as const) {
  const of = (pick: (run: Run) => number) => round(median(runs[side].map(pick)), 3);
  row(side, 'median', {
    perSecond: of((r) => r.perSecond),
    loop: of((r) => r.cpu.loop),
    self: of((r) => r.cpu.self),
    children: of((r) => r.cpu.children),
  });
}
const shares = runs.new.map((run, i) => run.cpu.loop / runs.old[i]!.cpu.loop);
console.log(
  `new loop / old loop by round: ${shares.map((share) => share.toFixed(2)).join(', ')}; median ${median(shares).toFixed(2)}`,
);
