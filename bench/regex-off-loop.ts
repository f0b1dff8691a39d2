// Not part of `npm run bench`: the evidence for decision 035 (custom-domain rewrite rules off the event loop).
//   node --import tsx bench/regex-off-loop.ts
// 1. Does `vm`'s timeout stop a regular expression, in V8's backtracking engine and in its linear engine?
// 2. The linear engine's time per unit of work (a route's rewriteWork × the path's length), and the
//    longest a route within INLINE_REWRITE_WORK holds the loop.
// 3. The loop's time per rewrite, on the loop and through the rewrite thread, alternated in one run;
//    the common case (a route without wildcard or regex rules) as before and now.
// 4. What the costliest route allowed holds the loop for against a 4 KB path, on the loop and now.
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import type { RewriteConfig } from '../src/contract/custom-domain';
import {
  findCustomDomainRoute,
  matchCustomDomainRoute,
  rewriteCustomDomainPath,
  rewriteWork,
} from '../src/contract/custom-domain-routes';
import { INLINE_REWRITE_WORK } from '../src/contract/regexp-cost';
import { createOffLoopRewriter } from '../src/engine/rewrite/off-loop-rewriter';
import { rewriteDomainPath } from '../src/engine/rewrite/rewrite-domain-path';
import { guardRegExpBacktracking } from '../src/regexp-guard';

guardRegExpBacktracking();
const ms = (from: number) => Math.round((performance.now() - from) * 100) / 100;
const regex = (...match: string[]): RewriteConfig => ({
  regexRules: match.map((m) => ({ match: m, replacement: '/m' })),
});
const wildcard = (match: string): RewriteConfig => ({ wildcardRules: [{ match, replacement: '/m' }] });
// Cost 64 and 62 (a `.` weighs its 4 ranges since the session 17 addendum; it was `(?:.*a?){15}`, 62 then).
const WORST = regex(`${'(?:a?){15}'.repeat(4)}a?a?a?c`, `${'(?:.*a?){6}'.repeat(2)}ac`);
const REALISTIC = regex('^/api/.+?/(.*)');
const pathOf = (length: number) => `/${'a'.repeat(length - 1)}`;

console.log('1. vm timeout (10 ms) on a regular expression: [outcome, ms]');
const context = vm.createContext({});
for (const [engine, source, path] of [
  ['backtracking (a backreference keeps it there)', '^/(a+)+\\1$', `${pathOf(40)}b`],
  ['linear (the costliest route, 4 KB)', WORST.regexRules![1]!.match, pathOf(4096)],
  ['linear (the costliest route, 16 KB)', WORST.regexRules![1]!.match, pathOf(16_384)],
] as const)
  for (let i = 0; i < 3; i++) {
    Object.assign(context, { re: new RegExp(source), s: path });
    const from = performance.now();
    let outcome = 'matched or not';
    try {
      vm.runInContext('re.test(s)', context, { timeout: 10 });
    } catch (error) {
      outcome = (error as { code?: string }).code ?? String(error);
    }
    console.log(`  ${engine}: ${outcome}, ${ms(from)} ms`);
  }

console.log('2. on the loop: µs per unit of work (rewriteWork × path length)');
for (const [name, config] of [
  ['costliest regex route', WORST],
  ['wildcard *a ×8 b', wildcard(`${'*a'.repeat(8)}b`)],
  ['realistic ^/api/.+?/(.*)', REALISTIC],
] as const)
  for (const length of [16, 128, 1024, 4096]) {
    const work = rewriteWork(config) * length;
    if (work > 4096 * 128) continue;
    const from = performance.now();
    rewriteCustomDomainPath(config, pathOf(length));
    const took = performance.now() - from;
    console.log(`  ${name}, ${length} chars: ${ms(from)} ms, ${((took * 1000) / work).toFixed(3)} µs/unit`);
  }
let longest = 0;
for (const config of [WORST, wildcard(`${'*a'.repeat(8)}b`), wildcard(`${'*a'.repeat(40)}b`), REALISTIC])
  for (let i = 0; i < 5; i++) {
    const length = Math.floor(INLINE_REWRITE_WORK / rewriteWork(config));
    const from = performance.now();
    rewriteCustomDomainPath(config, pathOf(length));
    longest = Math.max(longest, performance.now() - from);
  }
console.log(`  the longest a route within INLINE_REWRITE_WORK (${INLINE_REWRITE_WORK}) took: ${longest.toFixed(2)} ms`);

console.log('3. the loop per rewrite (event loop active time), alternated');
const rewriter = createOffLoopRewriter({ deadlineMs: 1000, queueMax: 16 });
await rewriter.rewrite(REALISTIC, '/api/v1/x'); // started, not counted
const loopTime = async (label: string, run: () => unknown, times = 2000) => {
  const before = performance.eventLoopUtilization();
  const from = performance.now();
  for (let i = 0; i < times; i++) await run();
  const elu = performance.eventLoopUtilization(before);
  console.log(
    `  ${label}: ${((elu.active * 1000) / times).toFixed(2)} µs active, ${(((performance.now() - from) * 1000) / times).toFixed(1)} µs wall`,
  );
};
const path200 = `/api/v1/${'x'.repeat(192)}`;
const routes = [{ path: '/*', functionName: 'f', rewriteConfig: { equalRules: [{ match: '/a', replacement: '/b' }] } }];
for (let round = 0; round < 3; round++) {
  await loopTime('realistic rule, 200 chars, on the loop', () => rewriteCustomDomainPath(REALISTIC, path200));
  await loopTime('realistic rule, 200 chars, in the thread', () => rewriter.rewrite(REALISTIC, path200));
  await loopTime(
    'no wildcard or regex rule: matchCustomDomainRoute (sync, as the bff)',
    () => matchCustomDomainRoute(routes, '/x/y')?.path,
    200_000,
  );
  await loopTime(
    'no wildcard or regex rule: the gateway (find + await rewriteDomainPath)',
    async () => rewriteDomainPath(findCustomDomainRoute(routes, '/x/y')!.route.rewriteConfig, '/x/y'),
    200_000,
  );
}

console.log('4. the costliest route allowed against a 4 KB path');
let from = performance.now();
rewriteCustomDomainPath(WORST, pathOf(4096));
console.log(`  on the loop (before): the loop held ${ms(from)} ms`);
const deadline = createOffLoopRewriter({ deadlineMs: 100, queueMax: 16 });
await deadline.rewrite(REALISTIC, '/api/v1/x');
const before = performance.eventLoopUtilization();
from = performance.now();
const result = await deadline.rewrite(WORST, pathOf(4096));
const elu = performance.eventLoopUtilization(before);
console.log(
  `  in the thread (now): ${JSON.stringify(result)} after ${ms(from)} ms, the loop active ${elu.active.toFixed(2)} ms`,
);
await Promise.all([rewriter.close(), deadline.close()]);
