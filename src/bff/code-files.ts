import { zipSync } from 'fflate';
import { CODE_LIMITS } from '../contract/code-limits';
import { checkCodeZip, checkZipFileLength, inflateCodeZip } from '../contract/code-zip';
import { CodeZipError } from '../contract/code-zip-directory';
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

export function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/**
 * The entries of a function's code zip (folders as `name/` with no bytes), read under the same
 * rules and limits as the engine applies; a zip that breaks them is FC's fault (502).
 */
export async function readCodeZip(zip: Uint8Array): Promise<Record<string, Uint8Array>> {
  const entries: Record<string, Uint8Array> = {};
  try {
    await inflateCodeZip(zip, (entry) => {
      if (entry.isDirectory) {
        entries[entry.name.endsWith('/') ? entry.name : `${entry.name}/`] = new Uint8Array(0);
        return undefined;
      }
      const chunks: Uint8Array[] = [];
      return {
        write: (chunk) => void chunks.push(chunk),
        close: () => void (entries[entry.name] = concat(chunks, entry.size)),
      };
    });
  } catch (error) {
    if (error instanceof CodeZipError)
      throw new FcError(502, 'InvalidResponse', `The code package of this function cannot be read: ${error.message}`);
    throw error;
  }
  return entries;
}

/** The files of a code zip as the Code tab shows them: text inline, binary files flagged and empty. */
export async function codeFilesFromZip(zip: Uint8Array): Promise<CodeFile[]> {
  return Object.entries(await readCodeZip(zip))
    .filter(([path]) => !path.endsWith('/'))
    .map(([path, bytes]) => {
      const text = asText(bytes);
      return { path, content: text ?? '', size: bytes.length, binary: text === undefined };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The entries of a Deploy zipped as the base64 `code.zipFile` of UpdateFunction, refused here
 * (400 InvalidArgument, as the engine words it) when they break the code rules or limits, so
 * nothing is sent that FC must refuse.
 */
export async function deployZipFile(entries: Record<string, Uint8Array>): Promise<string> {
  try {
    const count = Object.keys(entries).length;
    // Checked before zipping: a zip past 65,535 entries needs zip64, which fflate does not write.
    if (count > CODE_LIMITS.entries)
      throw new CodeZipError(`The code zip holds ${count} entries; the limit is ${CODE_LIMITS.entries}.`);
    const zip = zipSync(entries);
    checkZipFileLength(Math.ceil(zip.length / 3) * 4);
    await checkCodeZip(zip);
    return Buffer.from(zip).toString('base64');
  } catch (error) {
    if (error instanceof CodeZipError) throw new FcError(400, 'InvalidArgument', `code.zipFile: ${error.message}`);
    throw error;
  }
}
