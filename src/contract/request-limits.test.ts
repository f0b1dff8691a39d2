import { describe, expect, it } from 'vitest';
import { headerBytes, utf8Length } from './request-limits';

describe('request measures', () => {
  it('counts UTF-8 bytes as Node does, surrogate pairs included', () => {
    for (const text of ['', 'abc', 'é', '日本語', '😀', 'a😀é日', '\ud800']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text));
    }
  });

  it('counts every header name and value, nothing for separators', () => {
    expect(
      headerBytes([
        ['ab', 'cd'],
        ['e', 'é'],
      ]),
    ).toBe(2 + 2 + 1 + 2);
    expect(headerBytes([['x-a', 'a'.repeat(8189)]])).toBe(8192);
  });
});
