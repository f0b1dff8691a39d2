import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';

type Props = { functionName: string; pending: boolean; onReload: () => void; onOverwrite: () => void };

/** A Deploy refused because someone else deployed first: the edits stay; take theirs or deploy over it. */
export function DeployConflict({ functionName, pending, onReload, onOverwrite }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Alert
      severity="warning"
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" disabled={pending} onClick={() => setConfirming(true)}>
            {t('editor.conflict.reload')}
          </Button>
          <Button color="inherit" size="small" disabled={pending} onClick={onOverwrite}>
            {t('editor.conflict.overwrite')}
          </Button>
        </Stack>
      }
    >
      <AlertTitle>{t('editor.conflict.title')}</AlertTitle>
      {t('errors.codes.CodeChanged')}
      <ConfirmDialog
        open={confirming}
        title={t('editor.conflict.reloadTitle')}
        message={t('editor.conflict.reloadMessage', { name: functionName })}
        confirmLabel={t('editor.conflict.reloadConfirm')}
        onConfirm={() => {
          setConfirming(false);
          onReload();
        }}
        onCancel={() => setConfirming(false)}
      />
    </Alert>
  );
}
