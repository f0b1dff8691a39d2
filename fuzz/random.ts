/**
 * A small seeded generator (SplitMix32 over a 32-bit state): the same seed and request number
 * always build the same request, so a finding replays with `--seed S --only N`.
 */
export class Random {
  private state: number;

  constructor(seed: number, stream = 0) {
    this.state = mix(mix(seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    return mix(this.state) / 0x1_0000_0000;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = this.int(0, 255);
    return out;
  }

  /** `length` characters drawn from `alphabet`. */
  string(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  /** A size that is usually small and sometimes large: 0..max, skewed to the low end. */
  size(max: number): number {
    return Math.floor(max ** this.next());
  }
}

function mix(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const NAME_CHARS = `${LETTERS}0123456789_-`;
/** Printable ASCII: what a header value may carry without being rejected for its bytes. */
export const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
/** Every byte value as a latin1 character: control characters, DEL, and the upper half. */
export const ANY_BYTE = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
