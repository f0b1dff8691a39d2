/**
 * Run by code-cache.test.ts in its own process: extracts a code zip and prints how far the
 * process's resident memory rose above where it stood before, so the test can compare it with
 * the expanded size. Arguments: <cacheRoot> <zipPath>.
 */
import { ensureCodeDir } from './code-cache';

const [cacheRoot, zipPath] = process.argv.slice(2) as [string, string];
global.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const dir = await ensureCodeDir(cacheRoot, zipPath);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
process.stdout.write(JSON.stringify({ dir, rise: peak - before }));
