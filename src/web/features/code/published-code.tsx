import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { CodeFileList } from './code-file-list';
import { CodeFileView } from './code-file-view';
import { codeQueries } from './queries';

const NO_CHANGES = new Set<string>();
const ignore = () => undefined;

type Props = {
  functionName: string;
  qualifier: string;
  /** Beside Deploy (the page puts Test Function there). */
  toolbarExtra?: ReactNode;
  /** Under the code (the page puts the test result there). */
  bottomPanel?: ReactNode;
};

/** The Code tab at a version or alias: the code it runs, read-only; Deploy waits for LATEST. */
export function PublishedCode({ functionName, qualifier, toolbarExtra, bottomPanel }: Props) {
  const { t } = useTranslation();
  const reasonId = useId();
  const code = useQuery(codeQueries.published(functionName, qualifier));
  const [selected, setSelected] = useState<string | undefined>();
  if (code.isPending) return <PageLoading />;
  if (code.isError)
    return <ErrorAlert error={code.error} title={t('code.loadFailed')} onRetry={() => void code.refetch()} />;
  const { files } = code.data;
  const file = files.find((f) => f.path === selected) ?? files.find((f) => !f.binary) ?? files[0];
  const reason = t('lists.qualifier.deployDisabled', { qualifier });
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Tooltip title={reason}>
          {/* A disabled button gets no pointer events: its wrapper shows the reason. */}
          <span>
            <Button variant="contained" disabled aria-describedby={reasonId}>
              {t('editor.deploy')}
            </Button>
          </span>
        </Tooltip>
        {toolbarExtra}
      </Stack>
      <Alert severity="info" id={reasonId}>
        {reason}
      </Alert>
      {files.length === 0 ? (
        <EmptyState title={t('code.empty')} />
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '240px minmax(0, 1fr)' }, gap: 2 }}>
          <CodeFileList files={files} selected={file?.path} changed={NO_CHANGES} onSelect={setSelected} />
          {file ? <CodeFileView file={file} value={file.content} onChange={ignore} readOnly /> : null}
        </Box>
      )}
      {bottomPanel}
    </Stack>
  );
}
