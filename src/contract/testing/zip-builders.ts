/**
 * Zips an attacker would send, built byte by byte: fflate's zipSync cannot lie about sizes and
 * would take seconds to deflate a gigabyte of zeros.
 */
export type RawEntry = {
  name: string;
  /** The entry's data as stored: raw deflate when method is 8. */
  data?: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size the headers declare (the truth, unless the test lies). */
  size?: number;
  /** Unix mode, stored in the high half of the external attributes. */
  mode?: number;
};

export const S_IFLNK_RWX = 0o120777;

const encoder = new TextEncoder();

/** A raw deflate stream of `size` zeros: one fixed-Huffman block of <258, distance 1> copies (~1:1000). */
export function zerosDeflate(size: number): Uint8Array {
  const matches = size > 0 ? Math.floor((size - 1) / 258) : 0;
  const tail = size > 0 ? (size - 1) % 258 : 0;
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + tail * 8 + 7) / 8));
  let pos = 0;
  const bits = (value: number, n: number, msbFirst: boolean) => {
    for (let i = 0; i < n; i++, pos++) {
      const bit = msbFirst ? (value >>> (n - 1 - i)) & 1 : (value >>> i) & 1;
      if (bit) out[pos >>> 3]! |= 1 << (pos & 7);
    }
  };
  bits(0b011, 3, false); // BFINAL=1, BTYPE=01 (fixed Huffman)
  if (size > 0) bits(0x30, 8, true); // the literal 0
  for (let i = 0; i < matches; i++) {
    bits(0xc5, 8, true); // length 258 (symbol 285)
    pos += 5; // distance 1 (code 0, five zero bits)
  }
  for (let i = 0; i < tail; i++) bits(0x30, 8, true);
  bits(0, 7, true); // end of block (symbol 256)
  return out;
}

/** A zip of the given entries (no CRCs: the reader does not check them); zip64 end records past 65,535 entries. */
export function buildZip(entries: RawEntry[]): Uint8Array {
  const names = entries.map((entry) => encoder.encode(entry.name));
  const data = entries.map((entry) => entry.data ?? new Uint8Array(0));
  let local = 0;
  let central = 0;
  entries.forEach((_, i) => {
    local += 30 + names[i]!.length + data[i]!.length;
    central += 46 + names[i]!.length;
  });
  const count = entries.length;
  const zip64 = count > 0xffff;
  const out = new Uint8Array(local + central + (zip64 ? 76 : 0) + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (value: number) => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number) => {
    view.setUint32(at, value >>> 0, true);
    at += 4;
  };
  const u64 = (value: number) => {
    view.setBigUint64(at, BigInt(value), true);
    at += 8;
  };
  const header = (i: number, signature: number) => {
    const entry = entries[i]!;
    u32(signature);
    if (signature === 0x02014b50) u16((3 << 8) | 20);
    u16(20);
    u16(0x0800); // names are UTF-8
    u16(entry.method ?? 0);
    u32(0x00210000); // time and date
    u32(0); // crc
    u32(data[i]!.length);
    u32(entry.size ?? data[i]!.length);
    u16(names[i]!.length);
    u16(0);
  };
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    offsets.push(at);
    header(i, 0x04034b50);
    out.set(names[i]!, at);
    out.set(data[i]!, at + names[i]!.length);
    at += names[i]!.length + data[i]!.length;
  }
  for (let i = 0; i < count; i++) {
    header(i, 0x02014b50);
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32((entries[i]!.mode ?? 0o100644) * 0x10000);
    u32(offsets[i]!);
    out.set(names[i]!, at);
    at += names[i]!.length;
  }
  if (zip64) {
    u32(0x06064b50);
    u64(44);
    u16(45);
    u16(45);
    u32(0);
    u32(0);
    u64(count);
    u64(count);
    u64(central);
    u64(local);
    u32(0x07064b50);
    u32(0);
    u64(local + central);
    u32(1);
  }
  u32(0x06054b50);
  u32(0); // disks
  u16(Math.min(count, 0xffff));
  u16(Math.min(count, 0xffff));
  u32(central);
  u32(local);
  u16(0);
  return out;
}

/** One entry of `size` zeros that declares `declaredSize` (the truth by default). */
export function zerosZip(size: number, declaredSize = size, name = 'zeros.bin'): Uint8Array {
  return buildZip([{ name, data: zerosDeflate(size), method: 8, size: declaredSize }]);
}

/** `count` empty files. */
export function manyEntriesZip(count: number): Uint8Array {
  return buildZip(Array.from({ length: count }, (_, i) => ({ name: `f${i}` })));
}
