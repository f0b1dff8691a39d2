import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { TruncatedText } from '../../components/truncated-text';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PythonVersionNote } from './python-version-note';
import { functionQueries } from './queries';
import { runtimeLabel } from './runtime-label';

/** The function details page's title: its name and runtime (with a note when it runs differently here), or why it cannot be shown. */
export function FunctionHeader({ name }: { name: string }) {
  const { t } = useTranslation();
  useDocumentTitle(name, t('functions.title'));
  const fn = useQuery(functionQueries.detail(name));
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minWidth: 0 }}>
        <TruncatedText text={name} variant="h5" component="h1" />
        {fn.isPending ? <Skeleton width={100} /> : null}
        {fn.data ? <Chip size="small" label={runtimeLabel(t, fn.data.runtime)} /> : null}
      </Stack>
      {fn.data?.description ? (
        <Typography color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {fn.data.description}
        </Typography>
      ) : null}
      {fn.data ? <PythonVersionNote runtime={fn.data.runtime} /> : null}
      {fn.isError ? (
        <ErrorAlert error={fn.error} title={t('functions.details.loadFailed')} onRetry={() => void fn.refetch()} />
      ) : null}
    </Stack>
  );
}
