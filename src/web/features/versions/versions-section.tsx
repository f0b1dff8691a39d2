import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionsTable } from '../../components/actions-table';
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
            <ActionsTable
              labelledBy="versions-heading"
              size="small"
              rows={list}
              rowKey={(v) => v.versionId}
              columns={[
                { header: t('versions.columns.version'), cell: (v) => v.versionId },
                { header: t('versions.columns.description'), cell: (v) => v.description },
                { header: t('versions.columns.created'), cell: (v) => formatDateTime(v.createdTime, i18n.language) },
              ]}
              actions={[
                {
                  label: t('common.delete'),
                  name: (v) => t('versions.delete.action', { id: v.versionId }),
                  onClick: (v) => setDeleting(v.versionId),
                  danger: true,
                },
              ]}
            />
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
