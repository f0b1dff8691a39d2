import { describe, expect, it } from 'vitest';
import { base64Bytes, hexDump, prettyJson } from './hex-dump';

describe('binary and JSON bodies as the result shows them', () => {
  it('dumps 16 bytes a line with their printable characters', () => {
    const bytes = base64Bytes(btoa('\x89PNG\r\n\x1a\n' + 'abcdefghij'));
    expect(hexDump(bytes)).toBe(
      '00000000  89 50 4e 47 0d 0a 1a 0a 61 62 63 64 65 66 67 68  |.PNG....abcdefgh|\n' +
        '00000010  69 6a                                            |ij|',
    );
  });

  it('stops at the first 256 bytes', () => {
    const dump = hexDump(new Uint8Array(1000));
    expect(dump.split('\n')).toHaveLength(16);
    expect(dump.split('\n').at(-1)).toMatch(/^000000f0 /);
  });

  it('formats JSON', () => {
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson('<b>not json</b>')).toBeUndefined();
  });
});
