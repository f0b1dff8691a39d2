import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';

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

  const files = unzipSync(zip);
  const tempDir = path.join(cacheRoot, `.tmp-${checksum.slice(0, 12)}-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(tempDir, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      if (name.endsWith('/')) {
        await mkdir(safeJoin(tempDir, name), { recursive: true });
        continue;
      }
      const target = safeJoin(tempDir, name);
      await mkdir(path.dirname(target), { recursive: true });
      // fflate does not expose the zip's file modes and code edited in the console has none:
      // every file is executable so a custom runtime's `./bootstrap` can start.
      await writeFile(target, content, { mode: 0o755 });
    }
    await rename(tempDir, finalDir);
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    // Another process extracted the same checksum first: its copy is as good as ours.
    if (await exists(finalDir)) return finalDir;
    throw error;
  }
  return finalDir;
}

function safeJoin(root: string, name: string): string {
  const target = path.resolve(root, name);
  if (!target.startsWith(root + path.sep)) throw new Error(`The code zip holds a path outside its root: ${name}`);
  return target;
}

async function exists(dir: string): Promise<boolean> {
  return stat(dir).then(
    () => true,
    () => false,
  );
}
