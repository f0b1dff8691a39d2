import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsQuery } from '../../../contract/recorded-request';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api-client';
import { settingsQueries } from '../../lib/settings-queries';
import { triggerQueries } from '../../lib/trigger-queries';
import { MetricsCharts } from './metrics-charts';
import { MetricsTable } from './metrics-table';
import { MetricsTotals } from './metrics-totals';
import { summarize } from './metrics-summary';
import { MonitoringFilters } from './monitoring-filters';
import { MONITORING_NS } from './monitoring-i18n';
import { METRICS_POLL_MS, monitoringQueries } from './queries';

/** Monitoring: the function's invocations, errors, throttles and durations over the last hour or day, live. */
export function MonitoringTab({ functionName }: { functionName: string }) {
  const { t } = useTranslation(MONITORING_NS);
  const { t: tc } = useTranslation();
  const cloud = useQuery(settingsQueries.current()).data?.mode === 'cloud';
  const [query, setQuery] = useState<MetricsQuery>({ window: '1h' });
  const metrics = useQuery(monitoringQueries.metrics(functionName, query));
  const triggers = useQuery(triggerQueries.list(functionName));
  const triggerNames = triggers.data?.triggers.map((trigger) => trigger.triggerName) ?? [];
  const qualifiers = [
    ...new Set([
      ...(triggers.data?.triggers.map((trigger) => trigger.qualifier) ?? []),
      ...(metrics.data?.qualifiers ?? []),
    ]),
  ].sort();

  // In the cloud the figures come from the function's request logs: without them, say how to turn them on.
  if (isApiError(metrics.error) && metrics.error.code === 'RequestLogsOff')
    return (
      <Alert severity="info">
        <AlertTitle>{t('logsOff')}</AlertTitle>
        {tc('errors.codes.RequestLogsOff')}
      </Alert>
    );

  const summary = metrics.data ? summarize(metrics.data.buckets) : undefined;
  return (
    <Box component="section" aria-labelledby="monitoring-title">
      <Typography variant="h6" component="h2" id="monitoring-title">
        {t('title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t(cloud ? 'liveCloud' : 'live', { seconds: METRICS_POLL_MS / 1000 })}
      </Typography>
      <MonitoringFilters query={query} onChange={setQuery} triggerNames={triggerNames} qualifiers={qualifiers} />
      {metrics.isError ? (
        <ErrorAlert error={metrics.error} title={t('loadFailed')} onRetry={() => void metrics.refetch()} />
      ) : !metrics.data || !summary ? (
        <CircularProgress aria-label={t('chart.loading')} />
      ) : summary.invocations.total === 0 ? (
        <EmptyState title={t('empty.title')} description={t('empty.description')} />
      ) : (
        <Box
          sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) 260px' } }}
        >
          <MetricsCharts metrics={metrics.data} summary={summary} />
          <Box sx={{ gridRow: { xs: 1, md: 'auto' } }}>
            <MetricsTotals summary={summary} />
          </Box>
          <MetricsTable metrics={metrics.data} />
        </Box>
      )}
    </Box>
  );
}
