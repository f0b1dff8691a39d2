import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionsTable } from '../../components/actions-table';
import type { FunctionAlias } from '../../../contract/function';
import { DeleteDialog } from '../../components/delete-dialog';
import { ListPager } from '../../components/list-pager';
import { ListStates } from '../../components/list-states';
import { useTokenPages } from '../../components/use-token-pages';
import { formatDateTime } from '../../lib/format';
import { useQualifierChoices } from '../../lib/qualifier-queries';
import { AliasDialog } from './alias-dialog';
import { canaryShares } from './alias-form-values';
import { deleteAlias, versionQueries } from './queries';
import { SectionHeader } from './section-header';

export function AliasesSection({ functionName }: { functionName: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const pages = useTokenPages();
  const aliases = useQuery(versionQueries.aliasPage(functionName, pages.request));
  const versions = useQualifierChoices(functionName);
  const [creating, setCreating] = useState(false);
  const [modifying, setModifying] = useState<FunctionAlias | undefined>();
  const [deleting, setDeleting] = useState<string | undefined>();

  const noVersions = !versions.loading && !versions.hasMore && versions.versions.length === 0;
  const createButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} disabled={noVersions}>
      {t('aliases.create.action')}
    </Button>
  );
  return (
    <section aria-labelledby="aliases-heading">
      <SectionHeader
        id="aliases-heading"
        title={t('aliases.title')}
        action={
          noVersions ? (
            <Tooltip title={t('aliases.create.needsVersion')}>
              <span>{createButton}</span>
            </Tooltip>
          ) : (
            createButton
          )
        }
      />
      <Paper variant="outlined">
        <ListStates
          query={aliases}
          items={(data) => data.aliases}
          loadingRows={2}
          errorTitle={t('aliases.loadFailed')}
          empty={{ title: t('aliases.empty.title'), description: t('aliases.empty.description') }}
        >
          {(list) => (
            <ActionsTable
              labelledBy="aliases-heading"
              size="small"
              rows={list}
              rowKey={(a) => a.aliasName}
              columns={[
                { header: t('aliases.columns.name'), cell: (a) => a.aliasName },
                { header: t('aliases.columns.version'), cell: (a) => a.versionId },
                {
                  header: t('aliases.columns.canary'),
                  cell: (a) => canaryShares(a, i18n.language).join(', ') || '—',
                },
                { header: t('aliases.columns.description'), cell: (a) => a.description },
                {
                  header: t('aliases.columns.lastModified'),
                  cell: (a) => formatDateTime(a.lastModifiedTime, i18n.language),
                },
              ]}
              actions={[
                {
                  label: t('common.modify'),
                  name: (a) => t('aliases.modify.action', { name: a.aliasName }),
                  onClick: setModifying,
                },
                {
                  label: t('common.delete'),
                  name: (a) => t('aliases.delete.action', { name: a.aliasName }),
                  onClick: (a) => setDeleting(a.aliasName),
                  danger: true,
                },
              ]}
            />
          )}
        </ListStates>
        {aliases.data?.aliases.length || pages.hasPrevious ? (
          <ListPager
            pages={pages}
            nextToken={aliases.data?.nextToken}
            busy={aliases.isPlaceholderData}
            label={t('lists.pager.aliases')}
          />
        ) : null}
      </Paper>
      <AliasDialog functionName={functionName} versions={versions} open={creating} onClose={() => setCreating(false)} />
      <AliasDialog
        key={modifying?.aliasName}
        functionName={functionName}
        versions={versions}
        alias={modifying}
        open={Boolean(modifying)}
        onClose={() => setModifying(undefined)}
      />
      <DeleteDialog
        target={deleting}
        title={t('aliases.delete.title')}
        message={t('aliases.delete.message', { name: deleting })}
        onDelete={async (alias) => {
          await deleteAlias(functionName, alias);
          await queryClient.invalidateQueries({ queryKey: versionQueries.allAliases(functionName) });
        }}
        onClose={() => setDeleting(undefined)}
      />
    </section>
  );
}
