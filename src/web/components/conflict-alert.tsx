import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { ConfirmDialog } from './confirm-dialog';

/** What a conflict says, in the user's language: the feature knows what was changed underneath. */
export type ConflictWords = {
  title: string;
  message: string;
  reload: string;
  overwrite: string;
  reloadTitle: string;
  reloadMessage: string;
  reloadConfirm: string;
};

type Props = { words: ConflictWords; pending: boolean; onReload: () => void; onOverwrite: () => void };

/**
 * A save refused with 412 because someone else saved first (CodeChanged, TriggerChanged): the user's
 * input stays; Reload takes theirs after a confirmation, Overwrite saves over it.
 */
export function ConflictAlert({ words, pending, onReload, onOverwrite }: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Alert
      severity="warning"
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" disabled={pending} onClick={() => setConfirming(true)}>
            {words.reload}
          </Button>
          <Button color="inherit" size="small" disabled={pending} onClick={onOverwrite}>
            {words.overwrite}
          </Button>
        </Stack>
      }
    >
      <AlertTitle>{words.title}</AlertTitle>
      {words.message}
      <ConfirmDialog
        open={confirming}
        title={words.reloadTitle}
        message={words.reloadMessage}
        confirmLabel={words.reloadConfirm}
        onConfirm={() => {
          setConfirming(false);
          onReload();
        }}
        onCancel={() => setConfirming(false)}
      />
    </Alert>
  );
}
