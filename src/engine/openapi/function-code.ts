import { unzipSync } from 'fflate';
import { FcError } from '../fc-error';
import type { StoredCode } from '../store/code-files';
import type { EngineStore } from '../store/engine-store';

/**
 * Decode `code.zipFile` (base64), check that it is a readable zip, and save it. Called before the
 * row is written, so a refused zip changes nothing.
 */
export function saveZipFile(store: EngineStore, zipFile: string): StoredCode {
  const zip = new Uint8Array(Buffer.from(zipFile, 'base64'));
  try {
    unzipSync(zip);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FcError('InvalidArgument', `code.zipFile: The code is not a readable zip file (${reason}).`);
  }
  return store.saveCode(zip);
}
