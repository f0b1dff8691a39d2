import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A form error's message is a contract key (`name.format`): shown as `validation.<key>` in the
 * user's language. zod's own messages are not keys and are shown as they are.
 */
export function useValidationText(): (message: string | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  return useCallback(
    (message) => {
      if (!message) return undefined;
      const key = `validation.${message}`;
      return i18n.exists(key) ? t(key) : message;
    },
    [t, i18n],
  );
}
