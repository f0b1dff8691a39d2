import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The browser tab's title, most specific part first: `my-func · Functions · Function Compute console`.
 * Runs again when the language changes, after i18n has put back the console's own title.
 */
export function useDocumentTitle(...parts: string[]) {
  const { t, i18n } = useTranslation();
  const title = [...parts.filter(Boolean), t('app.documentTitle')].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title, i18n.language]);
}
