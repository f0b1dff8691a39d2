import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { codeQueries } from './queries';

/** The Code tab: the files of the function's code, read-only until the editor arrives. */
export function CodeTab({ functionName }: { functionName: string }) {
  const { t } = useTranslation();
  const code = useQuery(codeQueries.files(functionName));
  const [selected, setSelected] = useState<string | undefined>();

  if (code.isPending) return <PageLoading />;
  if (code.isError)
    return <ErrorAlert error={code.error} title={t('code.loadFailed')} onRetry={() => void code.refetch()} />;
  const files = code.data.files;
  if (files.length === 0) return <EmptyState title={t('code.empty')} />;
  const file = files.find((f) => f.path === selected) ?? files.find((f) => !f.binary) ?? files[0];

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '240px 1fr' }, gap: 2 }}>
      <Paper variant="outlined" component="nav" aria-label={t('code.files')}>
        <List dense disablePadding>
          {files.map((f) => (
            <ListItemButton
              key={f.path}
              selected={f.path === file?.path}
              aria-current={f.path === file?.path ? 'true' : undefined}
              onClick={() => setSelected(f.path)}
            >
              <ListItemText
                primary={f.path}
                slotProps={{ primary: { sx: { fontFamily: 'monospace', wordBreak: 'break-all' } } }}
              />
            </ListItemButton>
          ))}
        </List>
      </Paper>
      {file ? (
        <Paper variant="outlined" component="section" aria-label={file.path} sx={{ overflow: 'auto' }}>
          <Typography
            variant="subtitle2"
            sx={{ px: 2, py: 1, borderBottom: 1, borderColor: 'divider', fontFamily: 'monospace' }}
          >
            {file.path}
          </Typography>
          {file.binary ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {t('code.binary', { size: file.size })}
            </Typography>
          ) : (
            <Box component="pre" sx={{ m: 0, p: 2, fontSize: 13, lineHeight: 1.5 }}>
              <code>{file.content}</code>
            </Box>
          )}
        </Paper>
      ) : null}
    </Box>
  );
}
