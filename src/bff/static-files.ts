import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Vite names every file under assets/ by its content: a name never points at other bytes. */
const HASHED = 'public, max-age=31536000, immutable';
/** No page may frame the console; no plugin, no other base for its relative URLs. */
const PAGE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

/**
 * The built SPA (dist/web) with an index.html fallback for the client-side routes. Files are sent
 * as the build's precompressed `.br`/`.gz` when the browser accepts them; hashed assets are cached
 * for good, everything else is asked again each time (a new build is seen at the next load).
 */
export function builtConsoleRoutes(staticDir: string) {
  // serveStatic takes a root relative to the working directory.
  const root = path.relative(process.cwd(), staticDir) || '.';
  const files = serveStatic({ root, precompressed: true });
  return new Hono()
    .get(
      '/assets/*',
      async (c, next) => {
        c.header('Cache-Control', HASHED);
        await next();
      },
      files,
      // A chunk of an older build is not the SPA's page: index.html there would be run as JavaScript.
      (c) => {
        c.header('Cache-Control', 'no-store');
        return c.notFound();
      },
    )
    .get(
      '*',
      async (c, next) => {
        c.header('Cache-Control', 'no-cache');
        // Framed by another page, the console's own requests pass every origin rule: a click there is the user's.
        c.header('Content-Security-Policy', PAGE_POLICY);
        c.header('X-Frame-Options', 'DENY');
        await next();
      },
      files,
      serveStatic({ root, path: 'index.html', precompressed: true }),
    );
}
