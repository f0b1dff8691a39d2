import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trigger } from '../../../contract/trigger';
import { DeleteDialog } from '../../components/delete-dialog';
import { ListStates } from '../../components/list-states';
import { triggerQueries } from '../../lib/trigger-queries';
import { deleteTrigger } from './queries';
import type { QualifierChoices } from '../../lib/qualifier-queries';
import { TriggerPanel } from './trigger-panel';
import { TriggersTable } from './triggers-table';

type Props = {
  functionName: string;
  choices: QualifierChoices;
  /** Open Edit Trigger for this trigger on arrival (the error panel's Modify on the Code tab). */
  editTriggerName?: string;
};
type PanelState = { open: false } | { open: true; trigger?: Trigger };

/** The Triggers tab: the function's HTTP triggers, Create Trigger, Modify and Delete. */
export function TriggersTab({ functionName, choices, editTriggerName }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const triggers = useQuery(triggerQueries.list(functionName));
  const [chosen, setPanel] = useState<PanelState | undefined>();
  const requested = triggers.data?.triggers.find((trigger) => trigger.triggerName === editTriggerName);
  // Until the user opens or closes a panel, a trigger asked for by the page opens in Edit Trigger.
  const panel: PanelState = chosen ?? (requested ? { open: true, trigger: requested } : { open: false });
  const [deleting, setDeleting] = useState<Trigger | undefined>();

  const createButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setPanel({ open: true })}>
      {t('triggers.create.action')}
    </Button>
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2">
          {t('triggers.title')}
        </Typography>
        {createButton}
      </Stack>
      <Paper variant="outlined">
        <ListStates
          query={triggers}
          items={(data) => data.triggers}
          loadingRows={3}
          errorTitle={t('triggers.loadFailed')}
          empty={{ title: t('triggers.empty.title'), description: t('triggers.empty.description') }}
        >
          {(list) => (
            <TriggersTable
              triggers={list}
              onModify={(trigger) => setPanel({ open: true, trigger })}
              onDelete={setDeleting}
            />
          )}
        </ListStates>
      </Paper>
      <TriggerPanel
        functionName={functionName}
        open={panel.open}
        trigger={panel.open ? panel.trigger : undefined}
        choices={choices}
        onClose={() => setPanel({ open: false })}
      />
      <DeleteDialog
        target={deleting?.triggerName}
        title={t('triggers.delete.title')}
        message={t('triggers.delete.message', { name: deleting?.triggerName })}
        onDelete={async (name) => {
          await deleteTrigger(functionName, name);
          await queryClient.invalidateQueries({ queryKey: triggerQueries.all(functionName) });
        }}
        onClose={() => setDeleting(undefined)}
      />
    </Stack>
  );
}
