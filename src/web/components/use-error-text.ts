import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isConsoleErrorCode } from '../../contract/console-errors';
import { useValidationText } from '../i18n/use-validation-text';
import { isApiError, NETWORK_ERROR } from '../lib/api-client';

/**
 * A failed request's message as the user reads it: refused fields and the console's own codes in the user's
 * language, no answer at all as the network sentence (never the browser's "Failed to fetch"), FC's messages as
 * they are.
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const text = useValidationText();
  return useCallback(
    (error) => {
      const apiError = isApiError(error) ? error : undefined;
      const fields = apiError?.fields ? Object.entries(apiError.fields) : [];
      if (fields.length > 0) return fields.map(([field, key]) => `${field}: ${text(key)}`).join(' ');
      if (apiError?.code === NETWORK_ERROR) return t('errors.network');
      if (apiError && isConsoleErrorCode(apiError.code)) return t(`errors.codes.${apiError.code}`);
      return error instanceof Error ? error.message : t('errors.unknown');
    },
    [t, text],
  );
}
