import { unzipSync } from 'fflate';
import type { CodeFile } from '../contract/function';
import { FcError } from './fc-error';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function asText(bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** The entries of a function's code zip, as FC answered it; a zip that does not open is FC's fault (502). */
export function readCodeZip(zip: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(zip);
  } catch {
    throw new FcError(502, 'InvalidResponse', 'The code package of this function is not a readable zip file.');
  }
}

/** The files of a code zip as the Code tab shows them: text inline, binary files flagged and empty. */
export function codeFilesFromZip(zip: Uint8Array): CodeFile[] {
  return Object.entries(readCodeZip(zip))
    .filter(([path]) => !path.endsWith('/'))
    .map(([path, bytes]) => {
      const text = asText(bytes);
      return { path, content: text ?? '', size: bytes.length, binary: text === undefined };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** GetFunctionCode answers a URL (an OSS link in the cloud); download the zip it points to. */
export async function downloadCode(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new FcError(502, 'CodeDownloadFailed', 'The code package of this function could not be downloaded.');
  }
  if (!response.ok)
    throw new FcError(
      502,
      'CodeDownloadFailed',
      `Downloading the code package of this function failed with HTTP ${response.status}.`,
    );
  return new Uint8Array(await response.arrayBuffer());
}
