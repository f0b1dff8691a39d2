import { CODE_LIMITS, formatBytes } from '../contract/code-limits';
import { CONSOLE_ERRORS, consoleErrorMessage } from '../contract/console-errors';
import { concat } from './code-files';
import { FcError } from './fc-error';

/**
 * How long a code download may take: a link that stalls is given up on after 30 s; a slow one that
 * keeps going has half an hour in all (a 500 MB package at 2.3 Mbit/s), so no real link is refused.
 */
export const CODE_DOWNLOAD_LIMITS = { stallMs: 30_000, totalMs: 1_800_000, maxBytes: CODE_LIMITS.zipBytes };
export type CodeDownloadLimits = typeof CODE_DOWNLOAD_LIMITS;

const failed = (detail: string) =>
  new FcError(502, 'CodeDownloadFailed', `Downloading the code package of this function failed${detail}.`);

const tooLarge = (maxBytes: number) =>
  new FcError(
    502,
    'InvalidResponse',
    `The code package of this function is larger than ${formatBytes(maxBytes)}, the largest FC takes.`,
  );

function timedOut(limits: CodeDownloadLimits, stalled: boolean): FcError {
  const detail = stalled
    ? `No byte of the code package arrived for ${limits.stallMs / 1000} seconds.`
    : `The code package did not arrive within ${limits.totalMs / 1000} seconds.`;
  const { status } = CONSOLE_ERRORS.CodeDownloadTimeout;
  return new FcError(status, 'CodeDownloadTimeout', consoleErrorMessage('CodeDownloadTimeout', detail));
}

async function download(url: string, signal: AbortSignal, limits: CodeDownloadLimits, progressed: () => void) {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw failed('');
  }
  progressed();
  if (!response.ok) throw failed(` with HTTP ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(limits.maxBytes);
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  // A link that breaks mid-body (reset, `terminated`) is a failed download, not an internal error.
  const next = () =>
    reader?.read().catch((error: unknown) => {
      if (signal.aborted) throw error;
      throw failed(' while reading it');
    });
  for (let read = await next(); read && !read.done; read = await next()) {
    progressed();
    size += read.value.length;
    if (size > limits.maxBytes) {
      await reader?.cancel();
      throw tooLarge(limits.maxBytes);
    }
    chunks.push(read.value);
  }
  return concat(chunks, size);
}

/**
 * GetFunctionCode answers a URL (an OSS link in the cloud); download the zip it points to, up to FC's
 * largest package, counted while it arrives, within a time limit and with no long pause.
 */
export async function downloadCode(url: string, limits = CODE_DOWNLOAD_LIMITS): Promise<Uint8Array> {
  const total = AbortSignal.timeout(limits.totalMs);
  const stall = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const progressed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stall.abort(), limits.stallMs);
  };
  const signal = AbortSignal.any([total, stall.signal]);
  progressed();
  try {
    return await download(url, signal, limits, progressed);
  } catch (error) {
    if (signal.aborted && !(error instanceof FcError)) throw timedOut(limits, !total.aborted);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
