import Drawer from '@mui/material/Drawer';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trigger } from '../../../contract/trigger';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { QualifierChoices } from './trigger-basics-fields';
import { TriggerForm } from './trigger-form';

type Props = {
  functionName: string;
  open: boolean;
  /** The trigger being modified; absent for Create Trigger. */
  trigger?: Trigger;
  choices: QualifierChoices;
  onClose: () => void;
};

/** The right-side Create Trigger / Edit Trigger panel. Closing a changed form asks first. */
export function TriggerPanel({ functionName, open, trigger, choices, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const requestClose = () => {
    if (pending) return;
    if (dirty) setConfirming(true);
    else onClose();
  };

  return (
    <Drawer
      anchor="right"
      open={open}
      onClose={requestClose}
      // Above the app bar, which sits over the permanent side navigation.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{
        paper: {
          role: 'dialog',
          'aria-modal': true,
          'aria-labelledby': titleId,
          sx: { width: { xs: '100%', sm: 640 } },
        },
      }}
    >
      {open ? (
        <TriggerForm
          key={trigger?.triggerName ?? 'new'}
          titleId={titleId}
          functionName={functionName}
          trigger={trigger}
          choices={choices}
          onDirtyChange={setDirty}
          onPendingChange={setPending}
          onCancel={requestClose}
          onSaved={onClose}
        />
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('triggers.form.discardTitle')}
        message={t('triggers.form.discardMessage')}
        confirmLabel={t('triggers.form.discard')}
        onConfirm={() => {
          setConfirming(false);
          setDirty(false);
          onClose();
        }}
        onCancel={() => setConfirming(false)}
      />
    </Drawer>
  );
}
