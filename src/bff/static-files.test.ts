import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_CONNECTION } from '../../mocks/bff-in-process';
import { createBffApp } from './app';

const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))})`;
const PAGE = '<!doctype html><title>fc-console</title>';

describe('the built SPA as a browser downloads it', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fc-console-static-'));
    mkdirSync(path.join(dir, 'assets'));
    const files = { 'index.html': PAGE, 'assets/index-abc123.js': SCRIPT };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), text);
      writeFileSync(path.join(dir, `${name}.gz`), gzipSync(text));
      writeFileSync(path.join(dir, `${name}.br`), brotliCompressSync(text));
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, acceptEncoding?: string) =>
    createBffApp({ connection: TEST_CONNECTION, staticDir: dir }).request(url, {
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });

  it('sends the gzip file to a browser that accepts gzip only (Chrome over http), saying so and varying on it', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(SCRIPT);
  });

  it('prefers brotli when accepted, and sends the plain file to a client that accepts neither', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('forbids framing the console: a page elsewhere cannot lay it under its own buttons (clickjacking)', async () => {
    for (const url of ['/', '/functions/hello/triggers']) {
      const page = await get(url, 'gzip');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('caches hashed assets for good, and asks again for the page, a deep link included', async () => {
    const asset = await get('/assets/index-abc123.js', 'gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    for (const url of ['/', '/functions/hello/triggers']) {
      const page = await get(url, 'gzip');
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString()).toBe(PAGE);
    }
  });

  it('answers 404, not the page, for a chunk the build does not have (a tab open across a rebuild)', async () => {
    const res = await get('/assets/index-old999.js', 'gzip');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).not.toContain('<title>');
  });
});
