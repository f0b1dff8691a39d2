import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';

/** Shown when a page throws while rendering (a lazy chunk that fails to load, a bug). */
export function RouteErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ p: 3 }}>
      <ErrorAlert error={error} title={t('errors.pageFailed')} onRetry={() => window.location.reload()} />
    </Box>
  );
}
