import { describe, expect, it } from 'vitest';
import { validationMessages } from '../../contract/validation-messages';
import { i18n } from './i18n';

describe('validation messages', () => {
  it('resolves every contract key to its English text', () => {
    for (const [key, text] of Object.entries(validationMessages)) {
      expect(i18n.t(`validation.${key}`, { lng: 'en' })).toBe(text);
    }
  });
});
