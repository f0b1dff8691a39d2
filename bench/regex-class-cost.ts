import { setFlagsFromString } from 'node:v8';
import { rewriteConfigSchema } from '../src/contract/custom-domain';
import { regExpCost, REGEX_ROUTE_COST_MAX } from '../src/contract/regexp-cost';
import { guardRegExpBacktracking } from '../src/regexp-guard';

// Evidence for weighing a character class by its ranges (decision 035's addendum). V8's linear engine
// compiles a class into one alternative per disjoint range and tries each at every path character.
// Part 1 times one atom X as `^/(?:X*){16}$` in that engine (the `l` flag) against a path of characters X
// matches and a last one it does not, relative to `a`: the ratio is about X's range count.
// Part 2 matches the review's rules the way the gateway does (V8 backtracks too much and falls back to
// the linear engine) and says whether the stored-rule schema accepts them now.
// Run: node --import tsx bench/regex-class-cost.ts
setFlagsFromString('--enable-experimental-regexp-engine');
guardRegExpBacktracking();

/** `count` printable ASCII characters no two adjacent (each its own range), none special inside a class. */
const isolated = (count: number) =>
  Array.from({ length: 47 }, (_, i) => String.fromCharCode(0x21 + 2 * i))
    .filter((char) => !']\\^-'.includes(char))
    .slice(0, count)
    .join('');
const far = (count: number) => Array.from({ length: count }, (_, i) => String.fromCharCode(0x100 + 2 * i)).join('');

const ATOMS: [atom: string, pathChar: string][] = [
  ['a', 'a'],
  ['[a-z]', 'a'],
  ['[ac]', 'a'],
  ['[aceg]', 'a'],
  [`[${isolated(8)}]`, '!'],
  [`[${isolated(16)}]`, '!'],
  [`[a${far(16)}]`, 'a'],
  ['[^a]', 'b'],
  ['[\\s\\S]', 'a'],
  ['[a-zA-Z0-9_-]', 'a'],
  ['\\d', '1'],
  ['\\D', 'a'],
  ['\\w', 'a'],
  ['\\W', '-'],
  ['\\s', ' '],
  ['\\S', 'a'],
  ['.', 'a'],
];

/** The flag `--enable-experimental-regexp-engine` adds: run in the linear engine from the start. */
const LINEAR_FLAG = 'l';

function timeAtoms(rounds = 7, length = 2000) {
  const best = new Map<string, number>(ATOMS.map(([atom]) => [atom, Infinity]));
  for (let round = 0; round < rounds; round++)
    for (const [atom, pathChar] of ATOMS) {
      const linear = new RegExp(`^/(?:${atom}*){16}$`, LINEAR_FLAG);
      const path = `/${pathChar.repeat(length)}\u0001`;
      const started = performance.now();
      linear.test(path);
      best.set(atom, Math.min(best.get(atom)!, performance.now() - started));
    }
  const unit = best.get('a')!;
  for (const [atom] of ATOMS) {
    const ms = best.get(atom)!;
    const cost = regExpCost(atom);
    console.log(
      `${atom.slice(0, 24).padEnd(26)} ${ms.toFixed(1).padStart(6)} ms  × a: ${(ms / unit).toFixed(2).padStart(5)}  cost ${cost}`,
    );
  }
}

function matchRules(label: string, rules: string[], pathChar: string, pathLength = 4000) {
  const stored = rewriteConfigSchema.safeParse({ regexRules: rules.map((match) => ({ match, replacement: '/' })) });
  const cost = rules.reduce((sum, rule) => sum + regExpCost(rule), 0);
  const path = `/${pathChar.repeat(pathLength)} `;
  const started = performance.now();
  for (const rule of rules) new RegExp(rule).test(path);
  const ms = Math.round(performance.now() - started);
  const verdict = stored.success ? 'stored' : 'refused';
  console.log(
    `${label.padEnd(42)} cost ${String(cost).padStart(5)} of ${REGEX_ROUTE_COST_MAX} ${verdict.padEnd(8)} ${pathLength}-char path ${ms} ms`,
  );
}

console.log('Part 1: one atom X as ^/(?:X*){16}$ in the linear engine, 2000-character path (best of 7)');
timeAtoms();
console.log('Part 2: rules matched as the gateway does');
const wide = isolated(45);
matchRules('(?:a*){16} (a class of one range)', ['^/(?:[a]*){16}$'], 'a');
matchRules('(?:[45 isolated chars]*){16}', [`^/(?:[${wide}]*){16}$`], wide[0]!);
matchRules('(?:[a + 990 isolated non-ASCII]*){16}', [`^/(?:[a${far(990)}]*){16}$`], 'a', 500);
matchRules('^/(?:[a + 990 isolated non-ASCII]*)*$', [`^/(?:[a${far(990)}]*)*$`], 'a', 512);
// The costliest route of classes the bounds allow: 4 ranges × 16, twice.
matchRules('^(?:[/x + 2 isolated]*){16}$ twice (the bound)', Array(2).fill(`^(?:[/x${far(2)}]*){16}$`), 'x');
