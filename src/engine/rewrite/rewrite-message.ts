import type { RewriteConfig } from '../../contract/custom-domain';

/** One path to rewrite; `config` comes once per thread, then only its id (both sides keep the same recent ones). */
export type ToRewriteThread = { id: number; configId: number; config?: RewriteConfig; path: string };

/** The rewritten path; `lost` if the thread no longer had the config (never, while both sides agree). */
export type FromRewriteThread = { ready: true } | { id: number; path: string } | { id: number; lost: true };

/** How many routes' rules each side keeps: the engine's thread and the rewrite thread evict alike. */
export const KEPT_CONFIGS = 256;

/** Adds a config both sides saw in the same order, dropping the oldest past {@link KEPT_CONFIGS}. */
export function rememberConfig<T>(kept: Map<number, T>, id: number, value: T): void {
  kept.set(id, value);
  if (kept.size > KEPT_CONFIGS) kept.delete(kept.keys().next().value!);
}
