import { describe, expect, it } from 'vitest';
import { toResponseBody } from './response-body';

describe('a response body as the console shows it', () => {
  it('is text when it is UTF-8 and not a binary type, else base64 with its size', () => {
    expect(toResponseBody(Buffer.from('héllo'), { contentType: 'text/plain' })).toEqual({
      encoding: 'text',
      data: 'héllo',
      size: 6,
      contentType: 'text/plain',
    });
    expect(toResponseBody(Buffer.from([0xff, 0xfe]))).toMatchObject({ encoding: 'base64', data: '//4=', size: 2 });
    expect(toResponseBody(Buffer.from('GIF89a'), { contentType: 'image/gif' })).toMatchObject({ encoding: 'base64' });
    expect(toResponseBody(Buffer.from('{}'), { contentType: 'application/vnd.api+json' })).toMatchObject({
      encoding: 'text',
    });
  });

  it('keeps a body cut at 1 MB inside a character as text, and says it was cut', () => {
    const cut = Buffer.from('aé').subarray(0, 2);
    expect(toResponseBody(cut, { size: 3_000_000, truncated: true })).toEqual({
      encoding: 'text',
      data: 'a',
      size: 3_000_000,
      truncated: true,
    });
  });
});
