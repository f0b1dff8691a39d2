import CloseIcon from '@mui/icons-material/Close';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './confirm-dialog';

/** What the form inside a FormPanel reports and calls. */
export type FormPanelControls = {
  titleId: string;
  onDirtyChange: (dirty: boolean) => void;
  onPendingChange: (pending: boolean) => void;
  /** Cancel, the close button or Escape: asks first when the form has changes. */
  requestClose: () => void;
  /** After a save: closes without asking. */
  closeSaved: () => void;
};

type Props = {
  open: boolean;
  onClose: () => void;
  /** The question asked before a changed form is discarded. */
  discard: { title: string; message: string; confirmLabel: string };
  width: Record<string, number | string>;
  children: (controls: FormPanelControls) => ReactNode;
};

/**
 * The console's right-side panel holding one form (Create Trigger, Add Custom Domain …): labelled by the
 * form's title, above the app bar; closing a changed form asks first, and nothing closes while it saves.
 */
export function FormPanel({ open, onClose, discard, width, children }: Props) {
  const titleId = useId();
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const requestClose = () => {
    if (pending) return;
    if (dirty) setConfirming(true);
    else onClose();
  };
  const closeSaved = () => {
    setDirty(false);
    onClose();
  };

  return (
    <Drawer
      anchor="right"
      open={open}
      onClose={requestClose}
      // Above the app bar, which sits over the permanent side navigation.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{
        paper: { role: 'dialog', 'aria-modal': true, 'aria-labelledby': titleId, sx: { width } },
      }}
    >
      {open
        ? children({ titleId, onDirtyChange: setDirty, onPendingChange: setPending, requestClose, closeSaved })
        : null}
      <ConfirmDialog
        open={confirming}
        title={discard.title}
        message={discard.message}
        confirmLabel={discard.confirmLabel}
        onConfirm={() => {
          setConfirming(false);
          closeSaved();
        }}
        onCancel={() => setConfirming(false)}
      />
    </Drawer>
  );
}

/** The panel's title (naming the dialog) and its close button, above a divider. */
export function FormPanelHeader({ titleId, title, onClose }: { titleId: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 3, py: 2 }}>
        <Typography variant="h6" component="h2" id={titleId}>
          {title}
        </Typography>
        <IconButton aria-label={t('common.close')} onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </Stack>
      <Divider />
    </>
  );
}
