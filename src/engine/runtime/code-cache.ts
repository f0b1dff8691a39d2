import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { inflateCodeZip } from '../../contract/code-zip';

const extracting = new Map<string, Promise<string>>();

/**
 * The directory holding the zip's files, extracted once per content checksum under
 * `<cacheRoot>/<sha256>/`. Extraction goes to a temp dir renamed into place, so a crash never
 * leaves a half-written code dir behind and two engines sharing a data dir cannot collide.
 */
export async function ensureCodeDir(cacheRoot: string, zipPath: string): Promise<string> {
  const info = await stat(zipPath);
  const key = `${zipPath}:${info.size}:${info.mtimeMs}`;
  let dir = extracting.get(key);
  if (!dir) {
    dir = extract(cacheRoot, zipPath);
    extracting.set(key, dir);
    dir.catch(() => extracting.delete(key));
  }
  return dir;
}

async function extract(cacheRoot: string, zipPath: string): Promise<string> {
  const zip = await readFile(zipPath);
  const checksum = createHash('sha256').update(zip).digest('hex');
  const finalDir = path.join(cacheRoot, checksum);
  if (await exists(finalDir)) return finalDir;

  const tempDir = path.join(cacheRoot, `.tmp-${checksum.slice(0, 12)}-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(tempDir, { recursive: true });
    // The reader has refused every name that leaves the folder; each entry streams to its file as it inflates.
    await inflateCodeZip(zip, async (entry) => {
      const target = inside(tempDir, entry.name);
      if (entry.isDirectory) {
        await mkdir(target, { recursive: true });
        return undefined;
      }
      await mkdir(path.dirname(target), { recursive: true });
      // The zip's file modes are not kept and code edited in the console has none: every file is
      // executable so a custom runtime's `./bootstrap` can start.
      const file = await open(target, 'wx', 0o755);
      return { write: (chunk) => file.writeFile(chunk), close: () => file.close() };
    });
    await rename(tempDir, finalDir);
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    // Another process extracted the same checksum first: its copy is as good as ours.
    if (await exists(finalDir)) return finalDir;
    throw error;
  }
  return finalDir;
}

/** A last guard of the file system's own view, past the reader's rules on names. */
function inside(root: string, name: string): string {
  const target = path.resolve(root, name);
  if (target !== root && !target.startsWith(root + path.sep)) throw new Error(`${name} is outside the code folder`);
  return target;
}

async function exists(dir: string): Promise<boolean> {
  return stat(dir).then(
    () => true,
    () => false,
  );
}
