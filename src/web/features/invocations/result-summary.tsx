import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { InvocationResult } from '../../../contract/invocation';
import { CopyButton } from '../../components/copy-button';
import { formatDateTime } from '../../lib/format';
import { statusColor } from '../../lib/status-color';

function CopyableId({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
        {value}
      </Typography>
      <CopyButton text={value} label={t('invocations.result.copy', { what: label })} />
    </Box>
  );
}

/** Status code and text (colored by class), duration, request ID and task ID, what was called and when. */
export function ResultSummary({ result }: { result: InvocationResult }) {
  const { t, i18n } = useTranslation();
  const error = result.errorType ?? result.errorCode;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Chip
          color={error && result.status < 400 ? 'error' : statusColor(result.status)}
          label={`${result.status} ${result.statusText}`.trim()}
          aria-label={t('invocations.result.status', { status: result.status, text: result.statusText })}
        />
        <Typography variant="body2">{t('invocations.result.duration', { ms: result.durationMs })}</Typography>
        {error ? (
          <Typography variant="body2" color="error">
            {error}
          </Typography>
        ) : null}
        <Typography variant="body2" color="text.secondary">
          {t(`invocations.mode.${result.mode}`)} · {formatDateTime(result.invokedAt, i18n.language)}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {result.target}
      </Typography>
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }}>
        {result.requestId ? <CopyableId label={t('invocations.result.requestId')} value={result.requestId} /> : null}
        {result.taskId ? <CopyableId label={t('invocations.result.taskId')} value={result.taskId} /> : null}
      </Stack>
    </Stack>
  );
}
