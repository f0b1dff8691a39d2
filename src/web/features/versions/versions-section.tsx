import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteDialog } from '../../components/delete-dialog';
import { ListPager } from '../../components/list-pager';
import { ListStates } from '../../components/list-states';
import { useTokenPages } from '../../components/use-token-pages';
import { formatDateTime } from '../../lib/format';
import { PublishVersionDialog } from './publish-version-dialog';
import { deleteVersion, versionQueries } from './queries';
import { SectionHeader } from './section-header';

export function VersionsSection({ functionName }: { functionName: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const pages = useTokenPages();
  const versions = useQuery(versionQueries.page(functionName, pages.request));
  const [publishing, setPublishing] = useState(false);
  const [deleting, setDeleting] = useState<string | undefined>();

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
      <Paper variant="outlined">
        <ListStates
          query={versions}
          items={(data) => data.versions}
          loadingRows={2}
          errorTitle={t('versions.loadFailed')}
          empty={{ title: t('versions.empty.title'), description: t('versions.empty.description') }}
        >
          {(list) => (
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
                {list.map((v) => (
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
          )}
        </ListStates>
        {versions.data?.versions.length || pages.hasPrevious ? (
          <ListPager
            pages={pages}
            nextToken={versions.data?.nextToken}
            busy={versions.isPlaceholderData}
            label={t('lists.pager.versions')}
          />
        ) : null}
      </Paper>
      <PublishVersionDialog functionName={functionName} open={publishing} onClose={() => setPublishing(false)} />
      <DeleteDialog
        target={deleting}
        title={t('versions.delete.title')}
        message={t('versions.delete.message', { id: deleting })}
        onDelete={async (id) => {
          await deleteVersion(functionName, id);
          await queryClient.invalidateQueries({ queryKey: versionQueries.all(functionName) });
        }}
        onClose={() => setDeleting(undefined)}
      />
    </section>
  );
}
