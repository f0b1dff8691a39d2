import type { RewriteConfig } from '../../contract/custom-domain';
import { rewriteCustomDomainPath, rewriteWork } from '../../contract/custom-domain-routes';
import { REWRITE_DEADLINE_MS } from '../../contract/regexp-cost';
import { createOffLoopRewriter, type LateRewrite, type OffLoopRewriter, type RewriterLimits } from './off-loop-rewriter';

/**
 * The most work (a route's `rewriteWork` × the path's length) rewritten on the event loop. The
 * costliest rules measured took about 2–3.5 µs per unit in V8's linear engine (bench/regex-off-loop.ts),
 * so at most a few milliseconds; a handful of microseconds for a realistic rule. Above it the path
 * goes to the rewrite thread, which costs the loop a message each way (about 25–55 µs).
 */
export const INLINE_REWRITE_WORK = 1024;

export const REWRITE_LIMITS: RewriterLimits = { deadlineMs: REWRITE_DEADLINE_MS, queueMax: 16 };

let shared: OffLoopRewriter | undefined;

/**
 * The path a custom domain's route gives the function: rewritten here when its rules are cheap for
 * this path (a route with no wildcard or regex rule always is), else in the rewrite thread within
 * {@link REWRITE_LIMITS}; a path the thread could not rewrite in time is answered late.
 */
export function rewriteDomainPath(
  config: RewriteConfig | undefined,
  path: string,
  rewriter: () => OffLoopRewriter = sharedRewriter,
): string | Promise<string | LateRewrite> {
  if (!config || rewriteWork(config) * path.length <= INLINE_REWRITE_WORK) return rewriteCustomDomainPath(config, path);
  return rewriter().rewrite(config, path);
}

/** One rewrite thread per process, started at the first path that needs it. */
function sharedRewriter(): OffLoopRewriter {
  return (shared ??= createOffLoopRewriter(REWRITE_LIMITS));
}
