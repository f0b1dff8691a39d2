import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureConsoleBuilt } from '../scripts/console-build.mjs';

export type InitialJsResult = {
  built: boolean;
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
  /** index.html, the initial JavaScript and the stylesheets it links: what a first visit downloads before fonts. */
  firstDownloadGzipBytes: number;
};

/**
 * The JavaScript a first visit downloads before anything is clicked: the entry script and the
 * chunks index.html modulepreloads. Lazy chunks (the code editor) are not counted.
 */
export function measureInitialJs(root: string): InitialJsResult {
  const outDir = path.join(root, 'dist/web');
  const built = ensureConsoleBuilt(root);
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && url && !/^https?:/.test(url)) urls.add(url);
  }
  const stylesheets = [...(html.match(/<link\b[^>]*rel="stylesheet"[^>]*>/g) ?? [])]
    .map((tag) => /href="([^"]+)"/.exec(tag)?.[1])
    .filter((url): url is string => Boolean(url && !/^https?:/.test(url)));
  const gzipOf = (url: string) => gzipSync(fs.readFileSync(path.join(outDir, url.replace(/^\//, '')))).length;
  const files = [...urls].map((url) => {
    const content = fs.readFileSync(path.join(outDir, url.replace(/^\//, '')));
    return {
      file: url.replace(/^\//, ''),
      bytes: content.length,
      gzipBytes: gzipSync(content).length,
    };
  });
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const css = stylesheets.reduce((sum, url) => sum + gzipOf(url), 0);
  return { built, files, gzipBytes, firstDownloadGzipBytes: gzipBytes + css + gzipSync(html).length };
}
