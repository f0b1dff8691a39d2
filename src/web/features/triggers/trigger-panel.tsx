import { useTranslation } from 'react-i18next';
import type { Trigger } from '../../../contract/trigger';
import { FormPanel } from '../../components/form-panel';
import type { QualifierChoices } from '../../lib/qualifier-queries';
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
  return (
    <FormPanel
      open={open}
      onClose={onClose}
      width={{ xs: '100%', sm: 640 }}
      discard={{
        title: t('triggers.form.discardTitle'),
        message: t('triggers.form.discardMessage'),
        confirmLabel: t('triggers.form.discard'),
      }}
    >
      {(panel) => (
        <TriggerForm
          key={trigger?.triggerName ?? 'new'}
          titleId={panel.titleId}
          functionName={functionName}
          trigger={trigger}
          choices={choices}
          onDirtyChange={panel.onDirtyChange}
          onPendingChange={panel.onPendingChange}
          onCancel={panel.requestClose}
          onSaved={panel.closeSaved}
        />
      )}
    </FormPanel>
  );
}
