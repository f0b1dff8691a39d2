import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import type { RequestMetrics } from '../../../contract/recorded-request';
import { ChartFrame } from './chart-frame';
import type { Figure, MetricsSummary } from './metrics-summary';
import { MONITORING_NS } from './monitoring-i18n';

/** The four charts, each titled and summed up in words. */
export function MetricsCharts({ metrics, summary }: { metrics: RequestMetrics; summary: MetricsSummary }) {
  const { t } = useTranslation(MONITORING_NS);
  const count = ({ total, peak }: Figure) => t('summary.count', { count: total, peak });
  const ms = (value: number) => t('totals.ms', { value });
  const duration =
    summary.p50Max === undefined || summary.p99Max === undefined
      ? t('summary.durationNone')
      : t('summary.duration', { p50: ms(summary.p50Max), p99: ms(summary.p99Max) });
  return (
    <Box
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }}
    >
      <ChartFrame
        kind="invocations"
        title={t('chart.invocations')}
        summary={count(summary.invocations)}
        metrics={metrics}
      />
      <ChartFrame kind="errors" title={t('chart.errors')} summary={count(summary.errors)} metrics={metrics} />
      <ChartFrame kind="throttles" title={t('chart.throttles')} summary={count(summary.throttles)} metrics={metrics} />
      <ChartFrame kind="duration" title={t('chart.duration')} summary={duration} metrics={metrics} />
    </Box>
  );
}
