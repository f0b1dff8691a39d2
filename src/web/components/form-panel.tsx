import CloseIcon from '@mui/icons-material/Close';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigationGuard } from '../lib/navigation-guard';
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
 * Leaving it by the browser's Back or Forward (another page, or only another tab: the panel lives in the
 * page's state, not the address) asks the same question.
 */
export function FormPanel({ open, onClose, discard, width, children }: Props) {
  const titleId = useId();
  // A ref too: a save that navigates at once (a new domain opens) must not be asked about.
  const dirty = useRef(false);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const leaving = useNavigationGuard(
    ({ from, to, fromSearch, toSearch }) => open && dirty.current && (from !== to || fromSearch !== toSearch),
  );

  const requestClose = () => {
    if (pending) return;
    if (dirty.current) setConfirming(true);
    else onClose();
  };
  const closeSaved = () => {
    dirty.current = false;
    onClose();
  };
  const setDirty = (value: boolean) => {
    dirty.current = value;
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
      {open ? (
        <FormPanelBody
          form={children}
          controls={{ titleId, onDirtyChange: setDirty, onPendingChange: setPending, requestClose, closeSaved }}
        />
      ) : null}
      <ConfirmDialog
        open={confirming || leaving.blocked}
        title={discard.title}
        message={discard.message}
        confirmLabel={discard.confirmLabel}
        onConfirm={() => {
          setConfirming(false);
          closeSaved();
          if (leaving.blocked) leaving.proceed();
        }}
        onCancel={() => {
          setConfirming(false);
          leaving.reset();
        }}
      />
    </Drawer>
  );
}

/** The form, as a component of its own: its controls are called from its events, never while it renders. */
function FormPanelBody({ form, controls }: { form: Props['children']; controls: FormPanelControls }) {
  return form(controls);
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
