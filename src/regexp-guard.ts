import { setFlagsFromString } from 'node:v8';

let guarded = false;

/**
 * Rewrite rules are regular expressions written by whoever configures a custom domain, and they run
 * on every request through it. V8 backtracks, so `^/(a+)+$` against `/aaaa…b` would hold the event
 * loop for hours; with this flag V8 switches a pattern to its linear-time engine once it backtracks
 * too much. Patterns the linear engine cannot run (backreferences, lookaround) are refused when a
 * rule is stored (`contract/linear-regexp.ts`). Idempotent; the engine and the bff call it at start.
 */
export function guardRegExpBacktracking(): void {
  if (guarded) return;
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  guarded = true;
}
