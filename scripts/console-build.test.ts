import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleReason } from './console-build.mjs';

const roots: string[] = [];

function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'console-build-'));
  roots.push(root);
  fs.mkdirSync(path.join(root, 'src/web'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src/web/main.tsx'), 'old');
  return root;
}

function build(root: string, at: Date): void {
  fs.mkdirSync(path.join(root, 'dist/web'), { recursive: true });
  const index = path.join(root, 'dist/web/index.html');
  fs.writeFileSync(index, '<html></html>');
  fs.utimesSync(index, at, at);
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('staleReason (npm start, npm test and the bench rebuild the console with it)', () => {
  it('asks for a first build when dist/web is missing', () => {
    expect(staleReason(project())).toBe('missing');
  });

  it('keeps a build newer than every source', () => {
    const root = project();
    build(root, new Date(Date.now() + 60_000));
    expect(staleReason(root)).toBeUndefined();
  });

  it('rebuilds after a source file changes, naming what changed', () => {
    const root = project();
    build(root, new Date(Date.now() - 60_000));
    expect(staleReason(root)).toBe('src/web changed since the last build');
  });

  it('rebuilds after the dependencies change', () => {
    const root = project();
    build(root, new Date(Date.now() + 60_000));
    const lock = path.join(root, 'package-lock.json');
    fs.writeFileSync(lock, '{}');
    const later = new Date(Date.now() + 120_000);
    fs.utimesSync(lock, later, later);
    expect(staleReason(root)).toBe('package-lock.json changed since the last build');
  });
});
