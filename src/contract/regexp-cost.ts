import { replication } from './linear-regexp';
import { classRanges, DOT_RANGES, escapeRanges } from './regexp-ranges';

/**
 * V8's linear engine walks every node of a pattern for every character of the path, so a rule's cost
 * is its size once counted repetitions are unrolled: each character is 1, a class, `.` or a class escape
 * as many as its disjoint ranges (`regexp-ranges.ts`: `[a-z]` 1, `[aceg]` 4, `[^/]` 2, `\w` 4, `\s` 10, `.`
 * 4), `(a?){16}` is 16 copies of its body, and a capture group adds {@link CAPTURE_COST} per copy (the
 * engine copies every thread's captures at each step). Measured on a 4 KB path, `(a?)` sixteen times
 * costs about three times `a?` sixteen times.
 */
export const CAPTURE_COST = 2;
/**
 * Ours, for the gateway's event loop: the cost of a route's regex rules together, and so of one rule
 * (one rule may take the route's whole budget: a UUID written in hex classes costs 70).
 */
export const REGEX_ROUTE_COST_MAX = 128;
export const REGEX_RULE_COST_MAX = REGEX_ROUTE_COST_MAX;
/**
 * The most work (a route's `rewriteWork` × the path's length) an event loop rewrites itself. The
 * costliest rules measured took about 2–3.5 µs per unit in V8's linear engine (bench/regex-off-loop.ts),
 * so a few milliseconds at most; a realistic rule a few microseconds. Above it the engine's gateway
 * rewrites in a thread of its own, at a message each way (decision 035).
 */
export const INLINE_REWRITE_WORK = 1024;
/**
 * Ours too: how long one path's costly rewrite rules may run (off the gateway's event loop) before the
 * request is answered 503 DomainRewriteTimeout (decision 035).
 */
export const REWRITE_DEADLINE_MS = 100;

/** The cost of a rule that `isLinearRegExpSource` accepts (see above); a pattern it refuses costs at least as much. */
export function regExpCost(source: string): number {
  // Per open group: its cost so far and whether it captures; `last` is the cost a quantifier would multiply.
  const groups: { cost: number; capture: boolean }[] = [{ cost: 0, capture: false }];
  let last = 0;
  const add = (cost: number) => {
    groups[groups.length - 1]!.cost += cost;
    last = cost;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    const quantifier = last > 0 ? replication(source, i) : undefined;
    if (quantifier) {
      groups[groups.length - 1]!.cost += last * (quantifier.factor - 1);
      i += quantifier.length - 1;
      if (source[i + 1] === '?') i++;
      last = 0;
    } else if (char === '\\') {
      i++;
      add(escapeRanges(source[i]));
    } else if (char === '[') {
      const found = classRanges(source, i);
      i = found.end;
      add(found.ranges);
    } else if (char === '(') {
      const kind = source[i + 1] === '?' ? source[i + 2] : '';
      if (kind === ':') i += 2;
      else if (kind === '<') i = Math.max(i, source.indexOf('>', i));
      groups.push({ cost: 0, capture: kind !== ':' });
      last = 0;
    } else if (char === ')') {
      const group = groups.length > 1 ? groups.pop()! : { cost: 0, capture: false };
      add(group.cost + (group.capture ? CAPTURE_COST : 0));
    } else if (char === '|' || char === '^' || char === '$') {
      last = 0;
    } else {
      add(char === '.' ? DOT_RANGES : 1);
    }
  }
  return groups.reduce((sum, group) => sum + group.cost, 0);
}
