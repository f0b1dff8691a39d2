// Not part of `npm run bench`: sums a .cpuprofile's samples by function INCLUSIVE of its callees (each
// function counted once per sample, however deep it recurses), to see what a piece of the path costs whole:
//   node --import tsx bench/profile-inclusive.ts a.cpuprofile [b.cpuprofile] [top] [filter]
// `filter`: only functions whose name or file contains it (e.g. `src/`).
import fs from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function keyOf({ functionName, url, lineNumber }: Node['callFrame']): string {
  const where = url ? `${url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

function inclusiveTime(file: string): { total: number; byFunction: Map<string, number> } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const parent = new Map<number, number>();
  const keys = new Map<number, string>();
  for (const node of profile.nodes) {
    keys.set(node.id, keyOf(node.callFrame));
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  // The distinct functions on each node's stack, computed once per node.
  const stacks = new Map<number, Set<string>>();
  const stackOf = (id: number): Set<string> => {
    const known = stacks.get(id);
    if (known) return known;
    const up = parent.get(id);
    const stack = new Set(up === undefined ? [] : stackOf(up));
    stack.add(keys.get(id)!);
    stacks.set(id, stack);
    return stack;
  };
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += ms;
    for (const key of stackOf(id)) byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  });
  return { total, byFunction };
}

const args = process.argv.slice(2);
const files = args.filter((arg) => arg.endsWith('.cpuprofile'));
const top = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 60);
const filter = args.find((arg) => !arg.endsWith('.cpuprofile') && !/^\d+$/.test(arg));
const profiles = files.map(inclusiveTime);
const keys = new Set(profiles.flatMap((p) => [...p.byFunction.keys()]));
const rows = [...keys]
  .filter((key) => !filter || key.includes(filter))
  .map((key) => ({ key, ms: profiles.map((p) => p.byFunction.get(key) ?? 0) }));
rows.sort((a, b) => Math.max(...b.ms) - Math.max(...a.ms));
console.log(`total ms: ${profiles.map((p) => p.total.toFixed(0)).join(' | ')}`);
for (const { key, ms } of rows.slice(0, top))
  console.log(
    `${ms.map((m, i) => `${m.toFixed(1).padStart(8)} ${((100 * m) / profiles[i]!.total).toFixed(1).padStart(5)}%`).join(' |')}  ${key}`,
  );
