/**
 * Whether a regular expression can be run in time linear in its input: no backreference (`\1`,
 * `\k<name>`) and no lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`). Those are the constructs a
 * backtracking engine needs and an automaton engine (RE2, V8's linear engine) refuses; without them
 * the servers run every pattern with V8's fallback to its linear engine (`regexp-guard.ts`), so a
 * rewrite rule like `^/(a+)+$` cannot stall the gateway.
 */
export function isLinearRegExpSource(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))) return false;
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(' && source[i + 1] === '?') {
      const kind = source.slice(i + 2, i + 4);
      if (kind[0] === '=' || kind[0] === '!' || kind === '<=' || kind === '<!') return false;
    }
  }
  return true;
}
