// Not part of `npm run bench`: sums a .cpuprofile's samples by function (self time), to compare two profiles:
//   node --import tsx bench/profile-self-time.ts a.cpuprofile [b.cpuprofile] [top]
import fs from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function selfTime(file: string): { total: number; byFunction: Map<string, number> } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const where = url ? `${url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    total += ms;
  });
  return { total, byFunction };
}

const files = process.argv.slice(2).filter((arg) => arg.endsWith('.cpuprofile'));
const top = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 40);
const profiles = files.map(selfTime);
const keys = new Set(profiles.flatMap((p) => [...p.byFunction.keys()]));
const rows = [...keys].map((key) => ({ key, ms: profiles.map((p) => p.byFunction.get(key) ?? 0) }));
rows.sort((a, b) => Math.max(...b.ms) - Math.max(...a.ms));
console.log(`total ms: ${profiles.map((p) => p.total.toFixed(0)).join(' | ')}`);
for (const { key, ms } of rows.slice(0, top))
  console.log(
    `${ms.map((m, i) => `${m.toFixed(1).padStart(8)} ${((100 * m) / profiles[i]!.total).toFixed(1).padStart(5)}%`).join(' |')}  ${key}`,
  );
