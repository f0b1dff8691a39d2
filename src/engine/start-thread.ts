import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
// Under tsx (dev, tests, `npm start`) a thread's TypeScript is loaded by tsx's API (a worker's
// `--import tsx` registers no hooks on Node 20); a build starts the .js itself.
const TS_BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.file, workerData.file)).catch((error) => {
  console.error('[' + workerData.label + '] the ' + workerData.label + ' thread did not start:', error);
  process.exit(1);
});
`;

/**
 * Starts the engine's module `file` (a URL without its extension, e.g. `new URL('./x-thread',
 * import.meta.url)`) in a worker thread; `label` names it in the line printed if it cannot start.
 */
export function startEngineThread(file: URL, label: string, workerData: object = {}): Worker {
  const threadFile = new URL(`${file.href}${EXTENSION}`);
  if (EXTENSION === '.js') return new Worker(threadFile, { workerData });
  // The API's ES module (resolving from a CommonJS require gives its .cjs twin).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(TS_BOOT, { eval: true, workerData: { ...workerData, label, tsx, file: threadFile.href } });
}
