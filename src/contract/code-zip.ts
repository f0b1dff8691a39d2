import { Inflate } from 'fflate';
import { CODE_LIMITS, formatBytes } from './code-limits';
import { CodeZipError, readCodeZipDirectory, unzippedTooLarge, type CodeZipEntry } from './code-zip-directory';

/** Where an entry's bytes go as they inflate. */
export type EntrySink = { write(chunk: Uint8Array): void | Promise<void>; close(): void | Promise<void> };
/** Opens the sink of an entry; without one its bytes are inflated, counted and dropped. */
export type OpenEntry = (entry: CodeZipEntry) => EntrySink | undefined | Promise<EntrySink | undefined>;

// Deflate expands at most ~1032:1, so a 16 KB slice of input never yields more than ~17 MB at once.
const INPUT_SLICE = 16 * 1024;
// Inflating is plain JavaScript: it hands the event loop back this often so no request waits on a big zip.
const SLICE_MS = 10;

type Budget = { total: number; sliceStart: number };

function refuse(message: string): never {
  throw new CodeZipError(message);
}

/** A base64 `code.zipFile` over FC's limit for code sent through the SDK/OpenAPI. */
export function checkZipFileLength(base64Length: number): void {
  if (base64Length > CODE_LIMITS.zipFileBase64Bytes)
    refuse(
      `The code package is ${base64Length} bytes as base64, more than the limit of ${formatBytes(CODE_LIMITS.zipFileBase64Bytes)}.`,
    );
}

/**
 * Inflate a code zip entry by entry, each into the sink `open` gives it, under CODE_LIMITS: the
 * directory is checked first (readCodeZipDirectory), then every inflated byte is counted, and the
 * first byte past an entry's declared size or past the unzipped limit stops it with a
 * CodeZipError before that byte reaches a sink. Never holds more than one slice's output at once.
 */
export async function inflateCodeZip(zip: Uint8Array, open: OpenEntry = () => undefined): Promise<CodeZipEntry[]> {
  const entries = readCodeZipDirectory(zip);
  const budget: Budget = { total: 0, sliceStart: Date.now() };
  for (const entry of entries) {
    const sink = await open(entry);
    try {
      if (!entry.isDirectory) await inflateEntry(zip, entry, sink, budget);
    } finally {
      await sink?.close();
    }
  }
  return entries;
}

async function inflateEntry(zip: Uint8Array, entry: CodeZipEntry, sink: EntrySink | undefined, budget: Budget) {
  const name = JSON.stringify(entry.name);
  const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const out: Uint8Array[] = [];
  const inflater = entry.method === 8 ? new Inflate((chunk) => out.push(chunk)) : undefined;
  let written = 0;
  for (let at = 0; at < data.length; at += INPUT_SLICE) {
    const slice = data.subarray(at, at + INPUT_SLICE);
    if (!inflater) out.push(slice);
    else {
      try {
        inflater.push(slice, at + INPUT_SLICE >= data.length);
      } catch (error) {
        refuse(`The entry ${name} is damaged (${error instanceof Error ? error.message : String(error)}).`);
      }
    }
    for (const chunk of out.splice(0)) {
      written += chunk.length;
      budget.total += chunk.length;
      if (written > entry.size)
        refuse(`The entry ${name} expands past the ${formatBytes(entry.size)} its zip header declares.`);
      if (budget.total > CODE_LIMITS.unzippedBytes) refuse(unzippedTooLarge(entry.name));
      await sink?.write(chunk);
    }
    if (Date.now() - budget.sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      budget.sliceStart = Date.now();
    }
  }
  if (written !== entry.size)
    refuse(`The entry ${name} is damaged: it holds ${written} bytes, not the ${entry.size} its zip header declares.`);
}

/** Check a code zip without keeping anything: every rule, every byte inflated and counted. */
export async function checkCodeZip(zip: Uint8Array): Promise<void> {
  await inflateCodeZip(zip);
}
