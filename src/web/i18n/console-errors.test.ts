import { describe, expect, it } from 'vitest';
import { CONSOLE_ERRORS } from '../../contract/console-errors';
import en from './locales/en';
import ja from './locales/ja';

describe('the console API’s own error codes', () => {
  it.each(Object.keys(CONSOLE_ERRORS))('%s is explained in every language', (code) => {
    for (const language of [en, ja]) {
      const codes = (language.translation.errors as { codes?: Record<string, string> }).codes;
      expect(codes?.[code]).toMatch(/\S/);
    }
  });
});
