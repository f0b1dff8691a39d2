import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksumOf } from './bytes';

describe('checksumOf', () => {
  it('is the SHA-256 hex the engine answers as codeChecksum, across block boundaries', () => {
    for (const size of [0, 1, 55, 56, 63, 64, 65, 1000, 100_000]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 7 + 3) & 255);
      expect(checksumOf(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
