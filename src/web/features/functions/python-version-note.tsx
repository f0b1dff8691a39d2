import Alert from '@mui/material/Alert';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { settingsQueries } from '../../lib/settings-queries';

/** FC's `python3` runtime is Python 3.6; the others name their version. */
const PYTHON3_VERSION = '3.6';

/** The major.minor a Python runtime runs in FC (`python3.10` → `3.10`), or undefined for another language. */
export function fcPythonVersion(runtime: string): string | undefined {
  if (runtime === 'python3') return PYTHON3_VERSION;
  return /^python(3\.\d+)$/.exec(runtime)?.[1];
}

/**
 * A Python function runs on the engine's python3, not on FC's interpreter: the page says so when
 * their versions differ, or that no python3 can run it here. Only the local engine says which it has.
 */
export function PythonVersionNote({ runtime }: { runtime: string }) {
  const { t } = useTranslation();
  const settings = useQuery(settingsQueries.current());
  const wanted = fcPythonVersion(runtime);
  const python = settings.data?.python;
  if (!wanted || !python) return null;
  if (!python.found) {
    return (
      <Alert severity="warning" variant="outlined" sx={{ py: 0 }}>
        {t('pythonRuntime.missing', { reason: python.reason })}
      </Alert>
    );
  }
  if (python.version === wanted || python.version.startsWith(`${wanted}.`)) return null;
  return (
    <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
      {t('pythonRuntime.versionDiffers', { local: python.version, runtime })}
    </Alert>
  );
}
