/**
 * V8's linear engine copies the body of a counted repetition once per count (`a{3}` is `aaa`), so it
 * refuses a pattern whose counts, multiplied along any nesting (`(a{4}){5}` is 20, `a{16,}` 17, `((a+)+)+`
 * 8), exceed 16; such a pattern keeps the backtracking engine however long it backtracks.
 */
export const LINEAR_REPLICATION_MAX = 16;

const COUNTED = /^\{(\d+)(,(\d*))?\}/;

/** How often V8's linear engine replicates a quantifier's body: its maximum, or its minimum + 1 when unbounded. */
export function replication(source: string, at: number): { factor: number; length: number } | undefined {
  const char = source[at];
  if (char === '*' || char === '?') return { factor: 1, length: 1 };
  if (char === '+') return { factor: 2, length: 1 };
  const counted = char === '{' ? COUNTED.exec(source.slice(at)) : null;
  if (!counted) return undefined;
  const min = Number(counted[1]);
  const max = counted[2] === undefined ? min : counted[3] ? Number(counted[3]) : Infinity;
  return { factor: max === Infinity ? min + 1 : max, length: counted[0].length };
}

/**
 * Whether a regular expression (no flags) can be run in time linear in its input: no backreference
 * (`\1`, `\k<name>`), no lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`), and no repetition replicated more
 * than {@link LINEAR_REPLICATION_MAX} times. Those are what V8's linear engine refuses; without them
 * the servers run every pattern with V8's fallback to that engine (`regexp-guard.ts`), so a rewrite
 * rule like `^/(a+)+$` cannot stall the gateway.
 */
export function isLinearRegExpSource(source: string): boolean {
  // Per open group: the largest replication inside it; `last` is the atom a quantifier would apply to.
  const groups: number[] = [1];
  let last = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    const quantifier = last > 0 ? replication(source, i) : undefined;
    if (quantifier) {
      const factor = last * quantifier.factor;
      if (factor > LINEAR_REPLICATION_MAX) return false;
      groups[groups.length - 1] = Math.max(groups.at(-1)!, factor);
      i += quantifier.length - 1;
      if (source[i + 1] === '?') i++;
      last = 0;
    } else if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) return false;
      i++;
      last = 1;
    } else if (char === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      last = 1;
    } else if (char === '(') {
      const kind = source[i + 1] === '?' ? source.slice(i + 2, i + 4) : '';
      if (kind[0] === '=' || kind[0] === '!' || kind === '<=' || kind === '<!') return false;
      if (kind[0] === ':') i += 2;
      else if (kind[0] === '<') i = Math.max(i, source.indexOf('>', i));
      groups.push(1);
      last = 0;
    } else if (char === ')') {
      last = groups.length > 1 ? groups.pop()! : 1;
      groups[groups.length - 1] = Math.max(groups.at(-1)!, last);
    } else {
      last = char === '|' || char === '^' || char === '$' ? 0 : 1;
    }
  }
  return true;
}
