import { checkCodeZip, checkZipFileLength } from '../../contract/code-zip';
import { CodeZipError } from '../../contract/code-zip-directory';
import { FcError } from '../fc-error';
import type { StoredCode } from '../store/code-files';
import type { EngineStore } from '../store/engine-store';

/**
 * Decode `code.zipFile` (base64), check it against the code rules and limits (inflating every entry
 * and dropping the bytes, never expanding it in memory), and save it. Called before the row is
 * written, so a refused zip changes nothing.
 */
export async function saveZipFile(store: EngineStore, zipFile: string): Promise<StoredCode> {
  let zip: Uint8Array;
  try {
    checkZipFileLength(zipFile.length);
    zip = new Uint8Array(Buffer.from(zipFile, 'base64'));
    await checkCodeZip(zip);
  } catch (error) {
    if (error instanceof CodeZipError) throw new FcError('InvalidArgument', `code.zipFile: ${error.message}`);
    throw error;
  }
  return store.saveCode(zip);
}
