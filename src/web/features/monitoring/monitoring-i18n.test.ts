import { describe, expect, it } from 'vitest';
import en from './locales/en';
import ja from './locales/ja';

type Tree = { [key: string]: unknown };

/** Every key as `a.b.c`, plural forms folded (Japanese has one form, English two), with its variables. */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(one|other)$/, '')}`;
    if (typeof value !== 'string') return keys(value as Tree, `${path}.`);
    const variables = [...value.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    return [`${path} ${variables.join(',')}`];
  });
}

describe('the Monitoring texts', () => {
  it('give Japanese every key and variable of English, and nothing more', () => {
    expect([...new Set(keys(ja))].sort()).toEqual([...new Set(keys(en))].sort());
  });
});
