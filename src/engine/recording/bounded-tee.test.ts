import { describe, expect, it } from 'vitest';
import { BoundedTee } from './bounded-tee';

const BOUND = 64 * 1024;

describe('BoundedTee', () => {
  it('keeps a body streamed a byte at a time, with empty chunks between, in a bounded number of parts', () => {
    const tee = new BoundedTee(BOUND);
    const body = Buffer.from(Array.from({ length: BOUND + 100 }, (_, i) => 97 + (i % 26)));
    for (let i = 0; i < body.length; i++) {
      tee.add(body.subarray(i, i + 1));
      tee.add(Buffer.alloc(0));
      tee.add('');
    }
    expect(tee.entries).toBeLessThanOrEqual(BOUND / 256);
    expect(tee.size).toBe(body.length);
    expect(tee.data().equals(body.subarray(0, BOUND))).toBe(true);
  });

  it('keeps small and large chunks, strings and bytes, in order', () => {
    const tee = new BoundedTee(BOUND);
    const chunks: Array<Buffer | string> = [];
    for (let i = 0; i < 400; i++) chunks.push(i % 3 === 0 ? 'é'.repeat(i) : Buffer.alloc(i % 7 === 0 ? 2000 : 5, i));
    for (const chunk of chunks) tee.add(chunk);
    const whole = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)));
    expect(tee.size).toBe(whole.length);
    expect(tee.data().equals(whole.subarray(0, BOUND))).toBe(true);
    expect(tee.entries).toBeLessThanOrEqual(BOUND / 256);
  });

  it('answers the same data when asked twice, and keeps adding after', () => {
    const tee = new BoundedTee(10);
    tee.add('abc');
    expect(tee.data().toString()).toBe('abc');
    tee.add(Buffer.from('defghijklmn'));
    expect(tee.data().toString()).toBe('abcdefghij');
    expect(tee.size).toBe(14);
  });
});
