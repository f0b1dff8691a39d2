import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FcFunction } from '../../../contract/function';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { ListPager } from '../../components/list-pager';
import { PageLoading } from '../../components/page-loading';
import { useTokenPages, type TokenPages } from '../../components/use-token-pages';
import { useDocumentTitle } from '../../lib/use-document-title';
import { FunctionSearch } from './function-search';
import { FunctionsTable } from './functions-table';
import { deleteFunction, functionQueries } from './queries';

// Dialogs (forms, modal machinery) load on first use: the list is the console's first screen.
const CreateFunctionDialog = lazy(() =>
  import('./create-function-dialog').then((m) => ({ default: m.CreateFunctionDialog })),
);
const DeleteDialog = lazy(() => import('../../components/delete-dialog').then((m) => ({ default: m.DeleteDialog })));

type ListProps = { prefix: string; pages: TokenPages; createButton: ReactNode; onDelete: (fn: FcFunction) => void };

/**
 * The list reads its query itself: when the answer arrives only the list renders again, not the
 * page around it (the first page's longest render on a slow phone).
 */
function FunctionList({ prefix, pages, createButton, onDelete }: ListProps) {
  const { t } = useTranslation();
  const functions = useQuery(functionQueries.list({ ...pages.request, ...(prefix ? { prefix } : {}) }));
  // By hand rather than with ListStates, which the other lists use: this page is the first
  // download, and the helper would add to it.
  if (functions.isPending) return <PageLoading />;
  if (functions.isError)
    return (
      <ErrorAlert error={functions.error} title={t('functions.loadFailed')} onRetry={() => void functions.refetch()} />
    );
  if (functions.data.functions.length === 0 && prefix)
    return <EmptyState title={t('layout.search.noMatch', { prefix })} />;
  if (functions.data.functions.length === 0 && !pages.hasPrevious)
    return (
      <EmptyState
        title={t('functions.empty.title')}
        description={t('functions.empty.description')}
        action={createButton}
      />
    );
  return (
    <>
      <FunctionsTable functions={functions.data.functions} onDelete={onDelete} />
      <ListPager pages={pages} nextToken={functions.data.nextToken} busy={functions.isPlaceholderData} />
    </>
  );
}

export function FunctionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('functions.title'));
  const queryClient = useQueryClient();
  const [prefix, setPrefix] = useState('');
  const pages = useTokenPages();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<FcFunction | undefined>();

  const createButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
      {t('functions.create.action')}
    </Button>
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h5" component="h1">
          {t('functions.title')}
        </Typography>
        {createButton}
      </Stack>
      <FunctionSearch
        prefix={prefix}
        onSearch={(next) => {
          setPrefix(next);
          pages.restart();
        }}
      />
      <Paper variant="outlined">
        <FunctionList prefix={prefix} pages={pages} createButton={createButton} onDelete={setDeleting} />
      </Paper>
      <Suspense fallback={null}>
        {creating ? <CreateFunctionDialog open onClose={() => setCreating(false)} /> : null}
        {deleting ? (
          <DeleteDialog
            target={deleting.functionName}
            title={t('functions.delete.title')}
            message={t('functions.delete.message', { name: deleting.functionName })}
            onDelete={async (name) => {
              await deleteFunction(name);
              queryClient.removeQueries({ queryKey: functionQueries.detail(name).queryKey });
              await queryClient.invalidateQueries({ queryKey: functionQueries.lists() });
            }}
            onClose={() => setDeleting(undefined)}
          />
        ) : null}
      </Suspense>
    </Stack>
  );
}
