import { CODE_LIMITS, formatBytes } from './code-limits';

/** A code zip that must be refused, with the reason in words that name the entry. */
export class CodeZipError extends Error {
  override readonly name = 'CodeZipError';
  readonly code = 'InvalidArgument';
}

export type CodeZipEntry = {
  name: string;
  isDirectory: boolean;
  /** 0 stored, 8 deflate. */
  method: 0 | 8;
  /** The uncompressed size the central directory declares; inflating past it is refused. */
  size: number;
  compressedSize: number;
  dataOffset: number;
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const FULL32 = 0xffffffff;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

const names = new TextDecoder('utf-8');

function refuse(message: string): never {
  throw new CodeZipError(message);
}

const quoted = (name: string) => JSON.stringify(name);

class Bytes {
  constructor(readonly zip: Uint8Array) {}
  has(offset: number, length: number): boolean {
    return offset >= 0 && offset + length <= this.zip.length;
  }
  u16(at: number): number {
    return this.zip[at]! | (this.zip[at + 1]! << 8);
  }
  u32(at: number): number {
    return (this.u16(at) | (this.u16(at + 2) << 16)) >>> 0;
  }
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x1_0000_0000;
  }
}

type Directory = { count: number; offset: number; size: number };

function findDirectory(b: Bytes): Directory {
  const floor = Math.max(0, b.zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = b.zip.length - 22; at >= floor; at--) {
    if (b.u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) refuse('The code is not a zip file (it has no end of central directory record).');
  if (b.u16(eocd + 4) !== 0 || b.u16(eocd + 6) !== 0) refuse('The code zip spans several disks.');
  const dir = { count: b.u16(eocd + 10), size: b.u32(eocd + 12), offset: b.u32(eocd + 16) };
  const locator = eocd - 20;
  const zip64 = dir.count === 0xffff || dir.size === FULL32 || dir.offset === FULL32;
  // Exactly 65,535 entries fit the classic record too: without a zip64 locator its values stand.
  if (!zip64 || !b.has(locator, 20) || b.u32(locator) !== ZIP64_LOCATOR) return dir;
  const at = b.u64(locator + 8);
  if (!b.has(at, 56) || b.u32(at) !== ZIP64_EOCD) refuse('The code zip has a damaged zip64 record.');
  return { count: b.u64(at + 32), size: b.u64(at + 40), offset: b.u64(at + 48) };
}

/** Sizes and offset a zip64 entry moves into its extra field, in the order the format fixes. */
function zip64Fields(b: Bytes, extra: number, extraEnd: number, wanted: number[]): number[] {
  for (let at = extra; at + 4 <= extraEnd; at += 4 + b.u16(at + 2)) {
    if (b.u16(at) !== 0x0001) continue;
    return wanted.map((_, i) => (b.has(at + 4 + i * 8, 8) ? b.u64(at + 4 + i * 8) : -1));
  }
  return wanted.map(() => -1);
}

/** Why a name cannot be a path inside the code folder, or undefined when it can. */
function unsafePathReason(name: string): string | undefined {
  if (name === '') return 'has an empty name';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (name.includes('\\')) return 'has a backslash in its name (zip entry names use forward slashes)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.split('/').includes('..')) return 'has a .. segment that leads out of the code folder';
  return undefined;
}

function readEntry(b: Bytes, at: number): { entry: CodeZipEntry; next: number } {
  if (!b.has(at, 46) || b.u32(at) !== CENTRAL) refuse('The code zip has a damaged central directory.');
  const nameLength = b.u16(at + 28);
  const extraEnd = at + 46 + nameLength + b.u16(at + 30);
  const next = extraEnd + b.u16(at + 32);
  if (!b.has(at, next - at)) refuse('The code zip has a damaged central directory.');
  const name = names.decode(b.zip.subarray(at + 46, at + 46 + nameLength));
  const unsafe = unsafePathReason(name);
  if (unsafe) refuse(`The entry ${quoted(name)} ${unsafe}.`);

  const mode = b.u32(at + 38) >>> 16;
  const type = mode & S_IFMT;
  if (type === S_IFLNK) refuse(`The entry ${quoted(name)} is a symbolic link; code holds only files and folders.`);
  if (b.u16(at + 8) & 1) refuse(`The entry ${quoted(name)} is encrypted.`);
  const method = b.u16(at + 10);
  if (method !== 0 && method !== 8)
    refuse(`The entry ${quoted(name)} uses compression method ${method}; only stored and deflate are supported.`);

  let size = b.u32(at + 24);
  let compressedSize = b.u32(at + 20);
  let offset = b.u32(at + 42);
  const wanted = [size, compressedSize, offset].filter((v) => v === FULL32);
  if (wanted.length > 0) {
    const found = zip64Fields(b, at + 46 + nameLength, extraEnd, wanted);
    if (size === FULL32) size = found.shift()!;
    if (compressedSize === FULL32) compressedSize = found.shift()!;
    if (offset === FULL32) offset = found.shift()!;
    if ([size, compressedSize, offset].includes(-1)) refuse(`The entry ${quoted(name)} has a damaged zip64 field.`);
  }
  if (!b.has(offset, 30) || b.u32(offset) !== LOCAL) refuse(`The entry ${quoted(name)} has no local header.`);
  const dataOffset = offset + 30 + b.u16(offset + 26) + b.u16(offset + 28);
  if (!b.has(dataOffset, compressedSize)) refuse(`The entry ${quoted(name)} runs past the end of the zip.`);
  if (method === 0 && compressedSize !== size) refuse(`The entry ${quoted(name)} is damaged (stored sizes differ).`);
  const isDirectory = name.endsWith('/') || type === S_IFDIR;
  return { entry: { name, isDirectory, method, size, compressedSize, dataOffset }, next };
}

/** No name twice, no file that is also a folder, no data shared by two entries (an overlapping zip bomb). */
function checkLayout(entries: CodeZipEntry[]): void {
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const { name, isDirectory } of entries) {
    const segments = name.split('/').filter((s) => s !== '' && s !== '.');
    const path = segments.join('/');
    if (!isDirectory && path === '') refuse(`The entry ${quoted(name)} is a file without a name.`);
    if (files.has(path) || (!isDirectory && folders.has(path)))
      refuse(`The entry ${quoted(name)} appears twice, or as both a file and a folder.`);
    (isDirectory ? folders : files).add(path);
    for (let i = 1; i < segments.length; i++) folders.add(segments.slice(0, i).join('/'));
  }
  for (const path of files) if (folders.has(path)) refuse(`The entry ${quoted(path)} is both a file and a folder.`);
  const byOffset = entries.filter((e) => e.compressedSize > 0).sort((a, b) => a.dataOffset - b.dataOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const before = byOffset[i - 1]!;
    if (before.dataOffset + before.compressedSize > byOffset[i]!.dataOffset)
      refuse(`The entries ${quoted(before.name)} and ${quoted(byOffset[i]!.name)} share their data.`);
  }
}

/**
 * The entries of a code zip, read from its central directory (which fflate does not expose: the
 * file modes are needed to refuse symbolic links). Everything that can be decided without
 * inflating is decided here: the entry count, every name, the types, and the declared sizes.
 */
export function readCodeZipDirectory(zip: Uint8Array): CodeZipEntry[] {
  const b = new Bytes(zip);
  const dir = findDirectory(b);
  if (dir.count > CODE_LIMITS.entries)
    refuse(`The code zip holds ${dir.count} entries; the limit is ${CODE_LIMITS.entries}.`);
  if (!b.has(dir.offset, dir.size)) refuse('The code zip has a damaged central directory.');
  const entries: CodeZipEntry[] = [];
  let declared = 0;
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    const { entry, next } = readEntry(b, at);
    declared += entry.size;
    if (declared > CODE_LIMITS.unzippedBytes) refuse(unzippedTooLarge(entry.name));
    entries.push(entry);
    at = next;
  }
  // A count that disagrees with the directory's size (a writer that wrapped it past 65,535, say) is not trusted.
  if (at !== dir.offset + dir.size) refuse('The code zip has a damaged central directory (its entry count is wrong).');
  checkLayout(entries);
  return entries;
}

export function unzippedTooLarge(name: string): string {
  return `The code expands to more than ${formatBytes(CODE_LIMITS.unzippedBytes)}, the limit of unzipped code (at the entry ${quoted(name)}).`;
}
