import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainTestResult as Result } from '../../../contract/custom-domain-console';

/** What came back through the domain: status, time, the matched route, and the body. */
export function DomainTestResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const ok = result.status >= 200 && result.status < 400;
  const route = result.matchedRoute;
  return (
    <Box component="section" aria-labelledby={titleId} sx={{ mt: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" component="h3" id={titleId}>
          {t('customDomains.test.result')}
        </Typography>
        <Chip
          size="small"
          color={ok ? 'success' : 'error'}
          label={t('customDomains.test.status', { status: result.status })}
        />
        <Typography variant="body2" color="text.secondary">
          {t('customDomains.test.duration', { ms: result.durationMs })}
        </Typography>
      </Stack>
      <Typography variant="body2" component="div" sx={{ mb: 1, fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {result.target}
      </Typography>
      {route ? (
        <Alert severity="success" sx={{ mb: 1 }}>
          {t('customDomains.test.matched', { n: route.index + 1, path: route.path })}
          {` → ${route.functionName} (${route.qualifier})`}
        </Alert>
      ) : (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t('customDomains.test.noMatch')}
        </Alert>
      )}
      <Box component="section" aria-labelledby={bodyId}>
        <Typography variant="caption" color="text.secondary" component="h4" id={bodyId}>
          {t('customDomains.test.responseBody')}
        </Typography>
        {result.body.encoding === 'text' ? (
          <Box
            component="pre"
            sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, overflow: 'auto', maxHeight: 320 }}
          >
            {result.body.data}
          </Box>
        ) : (
          <Typography variant="body2">{t('customDomains.test.binary', { size: result.body.size })}</Typography>
        )}
        {result.body.truncated ? (
          <Typography variant="caption" color="text.secondary">
            {t('customDomains.test.truncated', { size: result.body.data.length })}
          </Typography>
        ) : null}
      </Box>
    </Box>
  );
}
