import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { themeFor } from './theme';

/** Everything a screen needs around it; tests pass their own QueryClient. */
export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  // Given the instance, as this runs outside I18nextProvider: re-renders when the language changes.
  const { i18n: current } = useTranslation(undefined, { i18n });
  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider theme={themeFor(current.language)}>
        <CssBaseline />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </ThemeProvider>
    </I18nextProvider>
  );
}
