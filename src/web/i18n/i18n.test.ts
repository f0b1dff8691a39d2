import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { changeLanguage, LANGUAGE_STORAGE_KEY, preferredLanguage } from './i18n';

describe('the language the console starts in', () => {
  it('is the one the user chose last time', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ja');
    expect(preferredLanguage()).toBe('ja');
  });

  it('is else the first of the browser’s languages the console speaks', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'ja-JP', 'en-US']);
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(preferredLanguage()).toBe('ja');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE']);
    expect(preferredLanguage()).toBe('en');
    vi.restoreAllMocks();
  });
});

describe('a language change', () => {
  it('also puts zod’s own messages and <html lang> in that language', async () => {
    const schema = z.object({ count: z.number() });
    await changeLanguage('ja');
    expect(document.documentElement.lang).toBe('ja');
    expect(schema.safeParse({ count: 'x' }).error?.issues[0]?.message).toMatch(/無効な入力/);
    await changeLanguage('en');
    expect(schema.safeParse({ count: 'x' }).error?.issues[0]?.message).toMatch(/^Invalid input/);
  });
});
