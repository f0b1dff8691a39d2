import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import DownloadIcon from '@mui/icons-material/Download';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import SaveIcon from '@mui/icons-material/Save';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedTestRequest, TestRequest } from '../../../contract/invocation';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { ImportRequestsButton } from './import-requests-button';
import { NameDialog } from './name-dialog';
import {
  createTestRequest,
  deleteTestRequest,
  testRequestQueries,
  testRequestsExportUrl,
  updateTestRequest,
} from './queries';

type Props = {
  functionName: string;
  selectedId: string | undefined;
  onSelect: (saved: SavedTestRequest | undefined) => void;
  /** The request in the editor, as it would be saved. */
  currentRequest: () => TestRequest;
};

type Editing =
  { kind: 'create' } | { kind: 'rename'; saved: SavedTestRequest } | { kind: 'delete'; saved: SavedTestRequest };

/** The function's saved test requests: load one into the editor, save, rename, delete, export, import. */
export function SavedRequests({ functionName, selectedId, onSelect, currentRequest }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery(testRequestQueries.list(functionName));
  const [editing, setEditing] = useState<Editing | undefined>();
  const saved = list.data?.testRequests ?? [];
  const selected = saved.find((s) => s.id === selectedId);

  const mutation = useMutation({
    mutationFn: async (
      action:
        | { kind: 'create'; name: string }
        | { kind: 'update'; id: string; name?: string; request?: TestRequest }
        | { kind: 'delete'; id: string },
    ) => {
      if (action.kind === 'create') return createTestRequest(functionName, action.name, currentRequest());
      if (action.kind === 'update')
        return updateTestRequest(functionName, action.id, { name: action.name, request: action.request });
      await deleteTestRequest(functionName, action.id);
      return undefined;
    },
    onSuccess: async (result, action) => {
      await queryClient.invalidateQueries({ queryKey: testRequestQueries.all(functionName) });
      if (action.kind === 'delete' && action.id === selectedId) onSelect(undefined);
      else if (result && action.kind === 'create') onSelect(result);
      setEditing(undefined);
    },
  });
  const close = () => {
    setEditing(undefined);
    mutation.reset();
  };

  return (
    <Stack spacing={1} component="section" aria-label={t('invocations.saved.title')}>
      <Typography variant="subtitle2">{t('invocations.saved.title')}</Typography>
      {list.isError ? <ErrorAlert error={list.error} title={t('invocations.saved.loadFailed')} /> : null}
      {saved.length === 0 && list.isSuccess ? (
        <Typography variant="body2" color="text.secondary">
          {t('invocations.saved.empty')}
        </Typography>
      ) : null}
      <List dense disablePadding aria-label={t('invocations.saved.list')}>
        {saved.map((item) => (
          <ListItem
            key={item.id}
            disablePadding
            secondaryAction={
              <>
                <IconButton
                  size="small"
                  aria-label={t('invocations.saved.rename', { name: item.name })}
                  onClick={() => setEditing({ kind: 'rename', saved: item })}
                >
                  <EditOutlinedIcon fontSize="inherit" />
                </IconButton>
                <IconButton
                  size="small"
                  aria-label={t('invocations.saved.delete', { name: item.name })}
                  onClick={() => setEditing({ kind: 'delete', saved: item })}
                >
                  <DeleteOutlineIcon fontSize="inherit" />
                </IconButton>
              </>
            }
          >
            <ListItemButton selected={item.id === selectedId} onClick={() => onSelect(item)} sx={{ pr: 9 }}>
              <ListItemText
                primary={item.name}
                secondary={
                  item.request.kind === 'http'
                    ? `${item.request.method} ${item.request.path}`
                    : t('invocations.saved.event')
                }
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Button size="small" variant="outlined" onClick={() => setEditing({ kind: 'create' })}>
          {t('invocations.saved.saveAs')}
        </Button>
        {selected ? (
          <Button
            size="small"
            startIcon={<SaveIcon />}
            disabled={mutation.isPending}
            onClick={() => mutation.mutate({ kind: 'update', id: selected.id, request: currentRequest() })}
          >
            {t('invocations.saved.save', { name: selected.name })}
          </Button>
        ) : null}
        <Button
          size="small"
          startIcon={<DownloadIcon />}
          href={testRequestsExportUrl(functionName)}
          download
          disabled={saved.length === 0}
        >
          {t('invocations.saved.export')}
        </Button>
        <ImportRequestsButton functionName={functionName} saved={saved} />
      </Stack>
      {editing?.kind === 'create' || editing?.kind === 'rename' ? (
        <NameDialog
          title={t(editing.kind === 'create' ? 'invocations.saved.saveAsTitle' : 'invocations.saved.renameTitle')}
          label={t('invocations.saved.name')}
          initialName={editing.kind === 'rename' ? editing.saved.name : ''}
          pending={mutation.isPending}
          error={mutation.error ?? undefined}
          onClose={close}
          onSubmit={(name) =>
            mutation.mutate(
              editing.kind === 'create' ? { kind: 'create', name } : { kind: 'update', id: editing.saved.id, name },
            )
          }
        />
      ) : null}
      <ConfirmDialog
        open={editing?.kind === 'delete'}
        title={t('invocations.saved.deleteTitle')}
        message={t('invocations.saved.deleteMessage', { name: editing?.kind === 'delete' ? editing.saved.name : '' })}
        confirmLabel={t('common.delete')}
        pending={mutation.isPending}
        error={mutation.error ?? undefined}
        onCancel={close}
        onConfirm={() => editing?.kind === 'delete' && mutation.mutate({ kind: 'delete', id: editing.saved.id })}
      />
      {mutation.error && !editing ? (
        <ErrorAlert error={mutation.error} title={t('invocations.saved.saveFailed')} />
      ) : null}
    </Stack>
  );
}
