import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { GetModuleInfo } from 'rollup';
import { createServer, type Plugin } from 'vite';
import { DEV_SERVER_PORT } from './src/bff/config';
import { LOCAL_DEFAULTS } from './src/contract/local-defaults';

/**
 * The stages main.tsx evaluates the console's script in, each in a task of its own, in order. A
 * module belongs to the first stage that reaches it through static imports; each stage's modules go
 * into one chunk (split over more files, as Rollup does once lazy chunks share them, each file is
 * compressed alone and the first download grows by several KB). Modules no stage reaches are lazy.
 */
const CONSOLE_STAGES = [
  { root: '/src/web/main.tsx', chunk: undefined }, // the entry chunk
  { root: '/src/web/app/first-requests.ts', chunk: 'console-requests' },
  { root: '/src/web/app/stage-platform.ts', chunk: 'console-platform' },
  { root: '/src/web/app/stage-styles.ts', chunk: 'console-styles' },
  { root: '/src/web/app/providers.tsx', chunk: 'console-providers' },
  { root: '/src/web/app/render-console.tsx', chunk: 'console' },
];

function firstStage(id: string, getModuleInfo: GetModuleInfo, seen = new Map<string, number>()): number {
  const known = seen.get(id);
  if (known !== undefined) return known;
  seen.set(id, Infinity); // a cycle proves nothing
  const own = CONSOLE_STAGES.findIndex((stage) => id.endsWith(stage.root));
  const reached = (getModuleInfo(id)?.importers ?? []).map((importer) => firstStage(importer, getModuleInfo, seen));
  const result = Math.min(own < 0 ? Infinity : own, ...reached);
  seen.set(id, result);
  return result;
}

/**
 * Every stage's chunk preloaded by index.html: fetched at once, in parallel with the entry, not when
 * the stage before has run (Vite preloads a dynamic import's chunks only when the import runs).
 */
function preloadConsoleStages(): Plugin {
  return {
    name: 'fc-console-preload-stages',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const stageChunks = new Set(CONSOLE_STAGES.map((stage) => stage.chunk).filter(Boolean));
        const links = Object.values(bundle ?? {})
          .filter((file) => file.type === 'chunk' && stageChunks.has(file.name) && !html.includes(file.fileName))
          .map((file) => `<link rel="modulepreload" crossorigin href="/${file.fileName}">`);
        return html.replace('</head>', `${links.join('')}</head>`);
      },
    },
  };
}

/**
 * Writes `name.gz` and `name.br` beside each text file of the build, compressed once at their
 * best: the bff serves them to browsers that accept them (a phone on a slow network gets a
 * third of the bytes) without compressing on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'fc-console-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
      for (const file of files.filter((name) => /\.(js|css|html|svg|json)$/.test(name))) {
        const content = readFileSync(path.join(outDir, file));
        const brotli = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length };
        writeFileSync(path.join(outDir, `${file}.gz`), gzipSync(content, { level: 9 }));
        writeFileSync(path.join(outDir, `${file}.br`), brotliCompressSync(content, { params: brotli }));
      }
    },
  };
}

/**
 * The first page's styles, rendered at build time into index.html as emotion's server output: in
 * the browser emotion adopts them, so the first render compiles and inserts none of them (on a
 * slow phone that was the longest task of the first screen). A style missing here is inserted as
 * usual; one no longer used costs its bytes only.
 */
function prerenderFirstViewStyles(): Plugin {
  let root = '';
  return {
    name: 'fc-console-first-view-styles',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        // emotion and MUI name classes differently in development (labels): render as the build does.
        process.env.NODE_ENV = 'production';
        const server = await createServer({
          root,
          configFile: false,
          logLevel: 'warn',
          mode: 'production',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, watch: null },
        });
        try {
          const { renderFirstViews } = await server.ssrLoadModule('/src/web/prerender/first-view.tsx');
          const { collectEmotionStyles } = await server.ssrLoadModule('/src/web/prerender/emotion-styles.ts');
          return html.replace('</head>', `${collectEmotionStyles(renderFirstViews())}</head>`);
        } catch (error) {
          // The console still works without them, only its first screen is slower: a warning, not a failed build.
          console.warn(`The first page's styles were not prerendered: ${String(error)}`);
          return html;
        } finally {
          await server.close();
        }
      },
    },
  };
}

const bffPort = Number(process.env.FC_CONSOLE_PORT ?? LOCAL_DEFAULTS.consolePort);

export default defineConfig({
  plugins: [react(), preloadConsoleStages(), prerenderFirstViewStyles(), precompress()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // DESIGN.md budgets the console's initial JavaScript at 200 KB gzip; terser's second pass
    // takes about 3% more off than esbuild's minifier (measured by npm run bench).
    target: 'es2022',
    minify: 'terser',
    terserOptions: { compress: { passes: 2 }, format: { comments: false } },
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      // zod's sources carry /*#__PURE__*/ comments where Rollup cannot use them; the warning is about
      // a dependency's comments and tells a user of `npm start` nothing.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
        warn(warning);
      },
      output: {
        manualChunks: (id, { getModuleInfo }) => CONSOLE_STAGES[firstStage(id, getModuleInfo)]?.chunk,
      },
    },
  },
  server: {
    // `npm run dev`: the SPA with hot reload; /api goes to the bff started beside it. The proxy keeps
    // the browser's Host and Origin (no changeOrigin): the bff answers this port's own pages only.
    port: DEV_SERVER_PORT,
    proxy: { '/api': { target: `http://127.0.0.1:${bffPort}`, changeOrigin: false } },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/{contract,bff,engine}/**/*.test.ts',
            'mocks/**/*.test.ts',
            'src/cli.test.ts',
            'fuzz/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/web/**/*.test.{ts,tsx}'],
          setupFiles: ['src/web/testing/setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
