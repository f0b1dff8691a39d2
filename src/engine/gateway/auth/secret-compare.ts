import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares fixed-length digests so the time taken says nothing about how much of a secret
 * matched, nor about its length.
 */
export function secretEquals(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Checks every candidate (no early exit) and says whether any matched. */
export function anySecretEquals(given: string, expected: readonly string[]): boolean {
  let matched = false;
  for (const candidate of expected) matched = secretEquals(given, candidate) || matched;
  return matched;
}
