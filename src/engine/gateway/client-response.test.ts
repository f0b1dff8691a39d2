import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestHeaders } from './client-response';

const headersOf = (...rawHeaders: string[]) => requestHeaders({ rawHeaders } as unknown as IncomingMessage);

describe('the request headers the policies and the function see', () => {
  it('lower-cases names and joins a repeated header, cookies with a semicolon', () => {
    const headers = headersOf('Host', 'a.example', 'X-Tag', '1', 'x-tag', '2', 'Cookie', 'a=1', 'cookie', 'b=2');
    expect(headers).toEqual({ host: 'a.example', 'x-tag': '1, 2', cookie: 'a=1; b=2' });
  });

  it('keeps a header named like an object property as a header, and touches no prototype', () => {
    const headers = headersOf('__proto__', '{"polluted":1}', 'constructor', 'c', 'Constructor', 'd', 'valueOf', 'v');
    expect(Object.entries(headers)).toEqual([
      ['__proto__', '{"polluted":1}'],
      ['constructor', 'c, d'],
      ['valueof', 'v'],
    ]);
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
