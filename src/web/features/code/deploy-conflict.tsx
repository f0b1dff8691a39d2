import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/conflict-alert';

type Props = { functionName: string; pending: boolean; onReload: () => void; onOverwrite: () => void };

/** A Deploy refused because someone else deployed first: the edits stay; take theirs or deploy over it. */
export function DeployConflict({ functionName, ...actions }: Props) {
  const { t } = useTranslation();
  const words = {
    title: t('editor.conflict.title'),
    message: t('errors.codes.CodeChanged'),
    reload: t('editor.conflict.reload'),
    overwrite: t('editor.conflict.overwrite'),
    reloadTitle: t('editor.conflict.reloadTitle'),
    reloadMessage: t('editor.conflict.reloadMessage', { name: functionName }),
    reloadConfirm: t('editor.conflict.reloadConfirm'),
  };
  return <ConflictAlert words={words} {...actions} />;
}
