import { AssertionError } from 'node:assert';
import type { Harness } from '../../src/engine/conformance/harness';
import type { Spelling } from './spellings';

/** What a check gets: the engine (through the SDK and over HTTP) and the client spelling of this pass. */
export type FidelityContext = { h: Harness; spelling: Spelling; name(prefix: string): string };

export type Check = { name: string; run(ctx: FidelityContext): Promise<void> };
export type CheckResult = { spelling: string; name: string; ok: boolean; detail?: string };

/** An assertion's message without node's long diff: what differed, on one line. */
function whatDiffered(error: unknown): string {
  if (error instanceof AssertionError) {
    const lines = error.message.split('\n').filter((line) => /^[+-] |^\S/.test(line.trim() ? line : ''));
    return lines.slice(0, 8).join(' | ').replace(/\s+/g, ' ');
  }
  const e = error as { code?: string; statusCode?: number; message?: string };
  return [e.statusCode, e.code, e.message?.split('\n')[0]].filter(Boolean).join(' ');
}

export async function runCheck(check: Check, ctx: FidelityContext): Promise<CheckResult> {
  try {
    await check.run(ctx);
    return { spelling: ctx.spelling.name, name: check.name, ok: true };
  } catch (error) {
    return { spelling: ctx.spelling.name, name: check.name, ok: false, detail: whatDiffered(error) };
  }
}

export function formatResult(result: CheckResult): string {
  const line = `${result.ok ? 'ok  ' : 'FAIL'} [${result.spelling}] ${result.name}`;
  return result.ok ? line : `${line}: ${result.detail}`;
}

/** The SDK's error of a call that must fail, or an assertion error when it succeeds. */
export async function failureOf(
  call: Promise<unknown>,
  what = 'the call',
): Promise<{ statusCode?: number; code?: string }> {
  try {
    await call;
  } catch (error) {
    return error as { statusCode?: number; code?: string };
  }
  throw new AssertionError({ message: `${what} succeeded where it must fail` });
}
