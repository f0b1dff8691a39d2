import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { useTranslation } from 'react-i18next';

/** A skeleton of `rows` lines, announced to screen readers as loading. */
export function PageLoading({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Box role="progressbar" aria-label={t('common.loading')} aria-busy="true" sx={{ py: 1 }}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={36} sx={{ mb: 1 }} />
      ))}
    </Box>
  );
}
