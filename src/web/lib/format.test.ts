import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatNumber, formatTime } from './format';

describe('numbers and dates in the console’s language', () => {
  const when = '2025-03-01T08:20:05Z';

  it('writes dates the way each language does', () => {
    expect(formatDateTime(when, 'en')).toMatch(/^Mar 1, 2025, \d{1,2}:\d{2}\s?[AP]M$/);
    expect(formatDateTime(when, 'ja')).toMatch(/^2025\/03\/0[12] \d{1,2}:\d{2}$/);
    expect(formatTime(when, 'ja')).toMatch(/^\d{1,2}:\d{2}:05$/);
    expect(formatTime(new Date(when).getTime(), 'en')).toMatch(/^\d{1,2}:\d{2}:05\s?[AP]M$/);
  });

  it('shows what is not a date as it is', () => {
    expect(formatDateTime('not a date', 'ja')).toBe('not a date');
    expect(formatDateTime(undefined, 'en')).toBe('');
  });

  it('groups digits and sizes bytes in binary units', () => {
    expect(formatNumber(1234567, 'ja')).toBe('1,234,567');
    expect([12, 1536, 3 * 1024 * 1024].map((n) => formatBytes(n, 'en'))).toEqual(['12 B', '1.5 KB', '3.0 MB']);
    expect(formatBytes(1000, 'de')).toBe('1.000 B');
  });
});
