import type { RewriteConfig } from '../../contract/custom-domain';
import { rewriteIfCheap } from '../../contract/custom-domain-routes';
import { REWRITE_DEADLINE_MS } from '../../contract/regexp-cost';
import {
  createOffLoopRewriter,
  type LateRewrite,
  type OffLoopRewriter,
  type RewriterLimits,
} from './off-loop-rewriter';

export const REWRITE_LIMITS: RewriterLimits = { deadlineMs: REWRITE_DEADLINE_MS, queueMax: 16 };

let shared: OffLoopRewriter | undefined;

/**
 * The path a custom domain's route gives the function: rewritten here when its rules are cheap for
 * this path (`INLINE_REWRITE_WORK`; a route with no wildcard or regex rule always is), else in the
 * rewrite thread within {@link REWRITE_LIMITS}; a path the thread could not rewrite in time is late.
 */
export function rewriteDomainPath(
  config: RewriteConfig | undefined,
  path: string,
  rewriter: () => OffLoopRewriter = sharedRewriter,
): string | Promise<string | LateRewrite> {
  return rewriteIfCheap(config, path) ?? rewriter().rewrite(config!, path);
}

/** One rewrite thread per process, started at the first path that needs it. */
function sharedRewriter(): OffLoopRewriter {
  return (shared ??= createOffLoopRewriter(REWRITE_LIMITS));
}
