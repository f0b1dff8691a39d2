import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNavigationGuard } from '../../lib/navigation-guard';

type Props = { functionName: string; active: boolean; onLeave: () => void };

/**
 * Asks before undeployed edits are left behind: another page of the console (a link, back or
 * forward: the navigation guard) or the browser tab itself (beforeunload). Switching tabs of the
 * details page only changes `?tab=` and keeps the edits, so it is not asked about.
 */
export function LeaveGuard({ functionName, active, onLeave }: Props) {
  const { t } = useTranslation();
  const blocker = useNavigationGuard(({ from, to }) => active && from !== to);

  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);

  return (
    <ConfirmDialog
      open={blocker.blocked}
      title={t('editor.leave.title')}
      message={t('editor.leave.message', { name: functionName })}
      confirmLabel={t('editor.leave.confirm')}
      onConfirm={() => {
        onLeave();
        blocker.proceed();
      }}
      onCancel={blocker.reset}
    />
  );
}
