import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/conflict-alert';

type Props = { pending: boolean; onReload: () => void; onOverwrite: () => void };

/** Edit Custom Domain refused because someone else saved first: the input stays; take theirs or save over it. */
export function CustomDomainConflict(actions: Props) {
  const { t } = useTranslation();
  const words = {
    title: t('customDomains.conflict.title'),
    message: t('errors.codes.CustomDomainChanged'),
    reload: t('customDomains.conflict.reload'),
    overwrite: t('customDomains.conflict.overwrite'),
    reloadTitle: t('customDomains.conflict.reloadTitle'),
    reloadMessage: t('customDomains.conflict.reloadMessage'),
    reloadConfirm: t('customDomains.conflict.reloadConfirm'),
  };
  return <ConflictAlert words={words} {...actions} />;
}
