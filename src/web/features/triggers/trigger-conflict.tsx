import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';

type Props = { pending: boolean; onReload: () => void; onOverwrite: () => void };

/** Edit Trigger refused because someone else saved first: the input stays; take theirs or save over it. */
export function TriggerConflict({ pending, onReload, onOverwrite }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Alert
      severity="warning"
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" disabled={pending} onClick={() => setConfirming(true)}>
            {t('triggers.form.reload')}
          </Button>
          <Button color="inherit" size="small" disabled={pending} onClick={onOverwrite}>
            {t('triggers.form.overwrite')}
          </Button>
        </Stack>
      }
    >
      <AlertTitle>{t('triggers.form.conflictTitle')}</AlertTitle>
      {t('errors.codes.TriggerChanged')}
      <ConfirmDialog
        open={confirming}
        title={t('triggers.form.reloadTitle')}
        message={t('triggers.form.reloadMessage')}
        confirmLabel={t('triggers.form.reloadConfirm')}
        onConfirm={() => {
          setConfirming(false);
          onReload();
        }}
        onCancel={() => setConfirming(false)}
      />
    </Alert>
  );
}
