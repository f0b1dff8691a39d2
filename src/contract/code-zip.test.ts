import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CODE_LIMITS } from './code-limits';
import { checkCodeZip, checkZipFileLength, inflateCodeZip } from './code-zip';
import { CodeZipError } from './code-zip-directory';
import { buildZip, manyEntriesZip, S_IFLNK_RWX, zerosZip } from './testing/zip-builders';

const MB = 1024 * 1024;

/** Inflate into memory, as the bff's Code tab does; answers the files and the largest chunk seen. */
async function unzipAll(zip: Uint8Array) {
  const files: Record<string, number[]> = {};
  let largestChunk = 0;
  await inflateCodeZip(zip, (entry) => {
    const bytes: number[] = [];
    if (!entry.isDirectory) files[entry.name] = bytes;
    return {
      write: (chunk) => {
        largestChunk = Math.max(largestChunk, chunk.length);
        if (chunk.length < 4096) bytes.push(...chunk);
      },
      close: () => {},
    };
  });
  return { files, largestChunk };
}

/** Two central directory entries that point at the same local data: the overlapping zip bomb's trick. */
function sharedDataZip(): Uint8Array {
  const zip = buildZip([
    { name: 'a.bin', data: strToU8('abc') },
    { name: 'b.bin', data: strToU8('abc') },
  ]);
  const view = new DataView(zip.buffer);
  const directory = view.getUint32(zip.length - 6, true);
  view.setUint32(directory + 46 + 'a.bin'.length + 42, 0, true);
  return zip;
}

async function refusal(zip: Uint8Array): Promise<string> {
  const error = await checkCodeZip(zip).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CodeZipError);
  expect((error as CodeZipError).code).toBe('InvalidArgument');
  return (error as CodeZipError).message;
}

describe('inflateCodeZip', () => {
  it('hands every file of an ordinary zip to its sink, nested folders included', async () => {
    const zip = zipSync({
      'index.js': strToU8('exports.a = 1'),
      lib: {},
      'lib/util.js': strToU8('x'),
      bootstrap: strToU8(''),
    });
    const { files } = await unzipAll(zip);
    expect(Object.keys(files).sort()).toEqual(['bootstrap', 'index.js', 'lib/util.js']);
    expect(String.fromCharCode(...files['index.js']!)).toBe('exports.a = 1');
  });

  it.each([
    ['../escaped.js', 'has a .. segment that leads out of the code folder'],
    ['lib/../../escaped.js', 'has a .. segment that leads out of the code folder'],
    ['/etc/cron.d/x', 'has an absolute path'],
    ['C:/Windows/x', 'has an absolute path'],
    ['..\\..\\evil.js', 'has a backslash in its name (zip entry names use forward slashes)'],
    ['index.js\u0000.png', 'has a NUL character in its name'],
  ])('refuses the entry %j, naming it', async (name, reason) => {
    const zip = buildZip([
      { name: 'ok.js', data: strToU8('1') },
      { name, data: strToU8('2') },
    ]);
    expect(await refusal(zip)).toBe(`The entry ${JSON.stringify(name)} ${reason}.`);
  });

  it('refuses a symbolic link entry by its Unix mode', async () => {
    const zip = buildZip([{ name: 'passwd', data: strToU8('/etc/passwd'), mode: S_IFLNK_RWX }]);
    expect(await refusal(zip)).toBe('The entry "passwd" is a symbolic link; code holds only files and folders.');
  });

  it('refuses more entries than the limit from the directory alone', async () => {
    const message = await refusal(manyEntriesZip(CODE_LIMITS.entries + 1));
    expect(message).toBe(`The code zip holds ${CODE_LIMITS.entries + 1} entries; the limit is ${CODE_LIMITS.entries}.`);
  });

  it('refuses a bomb whose headers tell its size before inflating a byte', async () => {
    const message = await refusal(zerosZip(CODE_LIMITS.unzippedBytes + 1));
    expect(message).toBe(
      'The code expands to more than 500 MB, the limit of unzipped code (at the entry "zeros.bin").',
    );
  });

  it('stops a bomb that lies about its size at the first byte past what it declares', async () => {
    const written: number[] = [];
    const zip = zerosZip(64 * MB, 1000);
    const error = await inflateCodeZip(zip, () => ({
      write: (c) => void written.push(c.length),
      close: () => {},
    })).catch((e: unknown) => e);
    expect((error as Error).message).toBe('The entry "zeros.bin" expands past the 1000 bytes its zip header declares.');
    expect(written.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1000);
  });

  it('never hands over more than a bounded slice of a large entry at once', async () => {
    const { largestChunk } = await unzipAll(zerosZip(40 * MB));
    expect(largestChunk).toBeGreaterThan(0);
    expect(largestChunk).toBeLessThan(20 * MB);
  });

  it('gives the event loop back while it inflates', async () => {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    let timerRanBeforeTheEnd = false;
    await inflateCodeZip(zerosZip(32 * MB), () => ({
      write: () => {},
      close: () => void (timerRanBeforeTheEnd = timerRan),
    }));
    expect(timerRanBeforeTheEnd).toBe(true);
  });

  it('refuses what is not a zip, a cut-off zip, and an entry that holds less than it declares', async () => {
    expect(await refusal(strToU8('hello'))).toBe(
      'The code is not a zip file (it has no end of central directory record).',
    );
    const zip = zipSync({ 'index.js': strToU8('x'.repeat(1000)) });
    expect(await refusal(zip.subarray(0, zip.length - 30))).toBe(
      'The code is not a zip file (it has no end of central directory record).',
    );
    expect(await refusal(zerosZip(1000, 2000))).toBe(
      'The entry "zeros.bin" is damaged: it holds 1000 bytes, not the 2000 its zip header declares.',
    );
  });

  it('refuses a name given twice, a file that is also a folder, and entries that share their data', async () => {
    expect(await refusal(buildZip([{ name: 'a.js' }, { name: 'a.js' }]))).toContain('"a.js" appears twice');
    expect(await refusal(buildZip([{ name: 'lib' }, { name: 'lib/x.js' }]))).toContain(
      '"lib" is both a file and a folder',
    );
    expect(await refusal(sharedDataZip())).toBe('The entries "a.bin" and "b.bin" share their data.');
  });

  it('refuses a base64 code package past FC’s 100 MB', () => {
    expect(() => checkZipFileLength(CODE_LIMITS.zipFileBase64Bytes)).not.toThrow();
    expect(() => checkZipFileLength(CODE_LIMITS.zipFileBase64Bytes + 1)).toThrow(
      'The code package is 104857601 bytes as base64, more than the limit of 100 MB.',
    );
  });
});
