import { matchCustomDomainRoute } from '../src/contract/custom-domain-routes';
import { rewriteConfigSchema } from '../src/contract/custom-domain';
import { regExpCost, REGEX_ROUTE_COST_MAX } from '../src/contract/regexp-cost';
import { guardRegExpBacktracking } from '../src/regexp-guard';

// Evidence for the session 17 review: regExpCost weighs a character class 1, but V8's linear engine
// compiles a class into one alternative per disjoint range, so a class of isolated characters costs
// as many units as it has ranges at every path character. Each rule below is stored (the route's schema
// accepts it), then matched the way the gateway matches a request, on a 4 KB path of class characters
// and a last character that fails the rule (V8 backtracks too much and falls back to its linear engine).
// Run: node --import tsx bench/regex-class-cost.ts
guardRegExpBacktracking();

/** `count` printable ASCII characters no two adjacent (each its own range), none special inside a class. */
const isolated = (count: number) =>
  Array.from({ length: 47 }, (_, i) => String.fromCharCode(0x21 + 2 * i))
    .filter((char) => !']\\^-'.includes(char))
    .slice(0, count)
    .join('');

function measure(label: string, rules: string[], pathChar: string, pathLength = 4000) {
  const rewriteConfig = rewriteConfigSchema.parse({ regexRules: rules.map((match) => ({ match, replacement: '/' })) });
  const cost = rules.reduce((sum, rule) => sum + regExpCost(rule), 0);
  const path = `/${pathChar.repeat(pathLength)} `;
  const started = performance.now();
  matchCustomDomainRoute([{ path: '/*', functionName: 'f', rewriteConfig }], path);
  const ms = Math.round(performance.now() - started);
  console.log(
    `${label.padEnd(44)} cost ${String(cost).padStart(3)} of ${REGEX_ROUTE_COST_MAX}  ${pathLength}-char path  ${ms} ms`,
  );
}

const wide = isolated(45);
measure('(?:a*){16} (a class of one range)', ['^/(?:[a]*){16}$'], 'a');
measure('(?:[45 isolated chars]*){16}', [`^/(?:[${wide}]*){16}$`], wide[0]!);
measure(
  '3 × (?:[45 isolated]*){16} in one rule',
  [`^/(?:[${wide}]*){16}(?:[${wide}]*){16}(?:[${wide}]*){16}$`],
  wide[0]!,
);
measure(
  'the same rule twice (one route)',
  Array(2).fill(`^/(?:[${wide}]*){16}(?:[${wide}]*){16}(?:[${wide}]*){16}$`),
  wide[0]!,
);
// Ranges that never match cost as much: a class of 990 characters past Latin-1 (written as they are, one
// source character each) and an `a` that keeps the backtracking going. The time grows with the path's length.
const far = `a${Array.from({ length: 990 }, (_, i) => String.fromCharCode(0x100 + 2 * i)).join('')}`;
measure('(?:[a + 990 isolated non-ASCII]*){16}', [`^/(?:[${far}]*){16}$`], 'a', 500);
