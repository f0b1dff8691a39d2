import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/conflict-alert';

type Props = { pending: boolean; onReload: () => void; onOverwrite: () => void };

/** Edit Trigger refused because someone else saved first: the input stays; take theirs or save over it. */
export function TriggerConflict(actions: Props) {
  const { t } = useTranslation();
  const words = {
    title: t('triggers.form.conflictTitle'),
    message: t('errors.codes.TriggerChanged'),
    reload: t('triggers.form.reload'),
    overwrite: t('triggers.form.overwrite'),
    reloadTitle: t('triggers.form.reloadTitle'),
    reloadMessage: t('triggers.form.reloadMessage'),
    reloadConfirm: t('triggers.form.reloadConfirm'),
  };
  return <ConflictAlert words={words} {...actions} />;
}
