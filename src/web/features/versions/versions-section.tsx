import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { formatDateTime } from '../../lib/format';
import { PublishVersionDialog } from './publish-version-dialog';
import { deleteVersion, versionQueries } from './queries';
import { SectionHeader } from './section-header';

export function VersionsSection({ functionName }: { functionName: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const versions = useQuery(versionQueries.list(functionName));
  const [publishing, setPublishing] = useState(false);
  const [deleting, setDeleting] = useState<string | undefined>();
  const removal = useMutation({
    mutationFn: (id: string) => deleteVersion(functionName, id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: versionQueries.all(functionName) });
      setDeleting(undefined);
    },
  });

  let content;
  if (versions.isPending) content = <PageLoading rows={2} />;
  else if (versions.isError)
    content = (
      <ErrorAlert error={versions.error} title={t('versions.loadFailed')} onRetry={() => void versions.refetch()} />
    );
  else if (versions.data.versions.length === 0)
    content = <EmptyState title={t('versions.empty.title')} description={t('versions.empty.description')} />;
  else
    content = (
      <Table aria-labelledby="versions-heading" size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('versions.columns.version')}</TableCell>
            <TableCell>{t('versions.columns.description')}</TableCell>
            <TableCell>{t('versions.columns.created')}</TableCell>
            <TableCell>{t('common.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {versions.data.versions.map((v) => (
            <TableRow key={v.versionId}>
              <TableCell>{v.versionId}</TableCell>
              <TableCell>{v.description}</TableCell>
              <TableCell>{formatDateTime(v.createdTime, i18n.language)}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  color="error"
                  onClick={() => setDeleting(v.versionId)}
                  aria-label={t('versions.delete.action', { id: v.versionId })}
                >
                  {t('common.delete')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );

  return (
    <section aria-labelledby="versions-heading">
      <SectionHeader
        id="versions-heading"
        title={t('versions.title')}
        action={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setPublishing(true)}>
            {t('versions.publish.action')}
          </Button>
        }
      />
      <Paper variant="outlined">{content}</Paper>
      <PublishVersionDialog functionName={functionName} open={publishing} onClose={() => setPublishing(false)} />
      <ConfirmDialog
        open={deleting !== undefined}
        title={t('versions.delete.title')}
        message={t('versions.delete.message', { id: deleting })}
        confirmLabel={t('common.delete')}
        pending={removal.isPending}
        error={removal.error}
        onConfirm={() => deleting && removal.mutate(deleting)}
        onCancel={() => {
          removal.reset();
          setDeleting(undefined);
        }}
      />
    </section>
  );
}
