import { describe, expect, it } from 'vitest';
import { SIGNATURE_VALIDITY_MS } from '../../contract/signature-window';
import { createNonceStore } from './nonce-store';

const NOW = Date.parse('2024-05-01T08:00:00Z');
const MINUTE = 60_000;

describe('the nonce store', () => {
  it('refuses a nonce for as long as a request carrying it could still verify', () => {
    const nonces = createNonceStore();
    expect(nonces.claim('n1', NOW, NOW)).toBe('fresh');
    expect(nonces.claim('n1', NOW, NOW + 14 * MINUTE)).toBe('used');
    expect(nonces.claim('n1', NOW, NOW + SIGNATURE_VALIDITY_MS + 1)).toBe('fresh');
  });

  it('keeps a nonce dated ahead of the clock until that date plus the window', () => {
    const nonces = createNonceStore();
    const ahead = NOW + 10 * MINUTE;
    expect(nonces.claim('n1', ahead, NOW)).toBe('fresh');
    expect(nonces.claim('n1', ahead, NOW + 20 * MINUTE)).toBe('used');
  });

  it('forgets expired nonces, and at the cap refuses new ones rather than forget a live one', () => {
    const nonces = createNonceStore(3);
    for (const n of ['a', 'b', 'c']) expect(nonces.claim(n, NOW, NOW)).toBe('fresh');
    expect(nonces.claim('d', NOW, NOW + MINUTE)).toBe('full');
    expect(nonces.claim('a', NOW, NOW + MINUTE)).toBe('used');
    expect(nonces.claim('d', NOW + 16 * MINUTE, NOW + 16 * MINUTE)).toBe('fresh');
    expect(nonces.size).toBe(1);
  });
});
