import { useTranslation } from 'react-i18next';
import type { CustomDomainView } from '../../../contract/custom-domain-console';
import { FormPanel } from '../../components/form-panel';
import { CustomDomainForm } from './custom-domain-form';

/** Closed, Add Custom Domain (no domain) or Edit Custom Domain. */
export type PanelState = { open: false } | { open: true; domain?: CustomDomainView };

type Props = { state: PanelState; onClose: () => void; onSaved?: (domain: CustomDomainView) => void };

/** The right-side Add / Edit Custom Domain panel. Closing a changed form asks first. */
export function CustomDomainPanel({ state, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const domain = state.open ? state.domain : undefined;
  return (
    <FormPanel
      open={state.open}
      onClose={onClose}
      width={{ xs: '100%', md: 920 }}
      discard={{
        title: t('customDomains.form.discardTitle'),
        message: t('customDomains.form.discardMessage'),
        confirmLabel: t('customDomains.form.discard'),
      }}
    >
      {(panel) => (
        <CustomDomainForm
          key={domain?.domainName ?? 'new'}
          titleId={panel.titleId}
          domain={domain}
          onDirtyChange={panel.onDirtyChange}
          onPendingChange={panel.onPendingChange}
          onCancel={panel.requestClose}
          onSaved={(saved) => {
            panel.closeSaved();
            onSaved?.(saved);
          }}
        />
      )}
    </FormPanel>
  );
}
