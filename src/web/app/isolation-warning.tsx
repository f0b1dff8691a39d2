import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { ConsoleSettings } from '../../contract/console-api';

/**
 * On every page while the local engine cannot isolate functions: no close button, as the risk
 * (a function can read whatever the user can) lasts as long as the engine runs this way.
 */
export function IsolationWarning({ settings }: { settings: ConsoleSettings | undefined }) {
  const { t } = useTranslation();
  if (settings?.functionIsolation !== 'not-isolated') return null;
  return (
    <Alert severity="warning" variant="outlined" sx={{ mb: 2, py: 0 }}>
      <strong>{t('app.notIsolated.title')}</strong>
      {settings.isolationReason ? ` (${t('app.notIsolated.reason', { reason: settings.isolationReason })})` : null}
      {` ${t('app.notIsolated.risk')}`}
    </Alert>
  );
}
