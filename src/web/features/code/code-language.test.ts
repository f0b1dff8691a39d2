import { describe, expect, it } from 'vitest';
import { languageOf } from './code-language';

describe('languageOf', () => {
  it.each([
    ['index.js', 'javascript'],
    ['lib/esm.mjs', 'javascript'],
    ['lib/cjs.CJS', 'javascript'],
    ['src/app.ts', 'typescript'],
    ['app.py', 'python'],
    ['package.json', 'json'],
    ['s.yaml', 'yaml'],
    ['config/s.yml', 'yaml'],
    ['bootstrap', 'plain'],
    ['README.md', 'plain'],
    ['.json', 'plain'],
    ['dir.js/file', 'plain'],
  ])('%s → %s', (path, language) => {
    expect(languageOf(path)).toBe(language);
  });
});
