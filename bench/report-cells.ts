import type { LoadResult } from './load-generator';

export type Outcome<T> = T | { error: string };

export const ms = (v: number) => `${v.toFixed(2)} ms`;
export const perSecond = (v: number) => `${Math.round(v).toLocaleString('en-US')} /s`;
export const failed = (r: LoadResult) => (r.failures ? ` (${r.failures} failed)` : '');
export const isError = (v: object): v is { error: string } => 'error' in v;
export const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
