import { createHash } from 'node:crypto';
import { SIGNATURE_VALIDITY_MS } from '../../contract/signature-window';

/** How many nonces the engine remembers at once: a signed request every 9 ms for 15 minutes, about 12 MB. */
export const MAX_REMEMBERED_NONCES = 100_000;

export type NonceClaim = 'fresh' | 'used' | 'full';

export type NonceStore = {
  /**
   * Remember a signed request's nonce until its signature expires. `used`: seen while a request
   * carrying it could still verify (a replay). `full`: the store holds `maxEntries` live nonces; the
   * request is refused rather than a live nonce forgotten, so a flood cannot reopen a replay.
   */
  claim(nonce: string, signedAt: number, now?: number): NonceClaim;
  readonly size: number;
};

export function createNonceStore(maxEntries = MAX_REMEMBERED_NONCES): NonceStore {
  // Key: the nonce's hash (a fixed size, whatever the client sent). Value: when its signature expires.
  const expiries = new Map<string, number>();
  let lastSweep = 0;

  // Insertion order is roughly expiry order (dates may be up to 15 minutes off either way).
  function dropExpiredFromOldest(now: number) {
    for (const [key, expiresAt] of expiries) {
      if (expiresAt > now) return;
      expiries.delete(key);
    }
  }

  function sweep(now: number) {
    lastSweep = now;
    for (const [key, expiresAt] of expiries) if (expiresAt <= now) expiries.delete(key);
  }

  return {
    claim(nonce, signedAt, now = Date.now()) {
      dropExpiredFromOldest(now);
      const key = createHash('sha256').update(nonce).digest('base64');
      const known = expiries.get(key);
      if (known !== undefined && known > now) return 'used';
      if (expiries.size >= maxEntries && now - lastSweep >= 1000) sweep(now);
      if (expiries.size >= maxEntries) return 'full';
      // A request dated ahead of the clock verifies until its date plus the window.
      expiries.set(key, Math.max(now, signedAt) + SIGNATURE_VALIDITY_MS);
      return 'fresh';
    },
    get size() {
      return expiries.size;
    },
  };
}
