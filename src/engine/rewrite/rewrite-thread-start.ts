import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const THREAD_FILE = new URL(`./rewrite-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
// Under tsx (dev, tests, `npm start`) the thread's TypeScript is loaded by tsx's API, as the
// recording thread's is (recording-writer.ts); a build starts the .js itself.
const TS_BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.file, workerData.file)).catch((error) => {
  console.error('[rewrite] the rewrite thread did not start:', error);
  process.exit(1);
});
`;

/** A new rewrite thread; it posts `{ ready: true }` once it can take paths. */
export function startRewriteThread(): Worker {
  if (!THREAD_FILE.pathname.endsWith('.ts')) return new Worker(THREAD_FILE);
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(TS_BOOT, { eval: true, workerData: { tsx, file: THREAD_FILE.href } });
}
