import Drawer from '@mui/material/Drawer';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomDomainView } from '../../../contract/custom-domain-console';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CustomDomainForm } from './custom-domain-form';

/** Closed, Add Custom Domain (no domain) or Edit Custom Domain. */
export type PanelState = { open: false } | { open: true; domain?: CustomDomainView };

type Props = { state: PanelState; onClose: () => void; onSaved?: (domain: CustomDomainView) => void };

/** The right-side Add / Edit Custom Domain panel. Closing a changed form asks first. */
export function CustomDomainPanel({ state, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const domain = state.open ? state.domain : undefined;

  const requestClose = () => {
    if (pending) return;
    if (dirty) setConfirming(true);
    else onClose();
  };

  return (
    <Drawer
      anchor="right"
      open={state.open}
      onClose={requestClose}
      // Above the app bar, which sits over the permanent side navigation.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{
        paper: {
          role: 'dialog',
          'aria-modal': true,
          'aria-labelledby': titleId,
          sx: { width: { xs: '100%', md: 920 } },
        },
      }}
    >
      {state.open ? (
        <CustomDomainForm
          key={domain?.domainName ?? 'new'}
          titleId={titleId}
          domain={domain}
          onDirtyChange={setDirty}
          onPendingChange={setPending}
          onCancel={requestClose}
          onSaved={(saved) => {
            setDirty(false);
            onClose();
            onSaved?.(saved);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('customDomains.form.discardTitle')}
        message={t('customDomains.form.discardMessage')}
        confirmLabel={t('customDomains.form.discard')}
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
