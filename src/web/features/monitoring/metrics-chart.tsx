import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslation } from 'react-i18next';
import type { RequestMetrics } from '../../../contract/recorded-request';
import { MONITORING_NS } from './monitoring-i18n';

export type ChartKind = 'invocations' | 'errors' | 'throttles' | 'duration';

const HEIGHT = 200;
const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };

/**
 * One of Monitoring's charts (MUI X Charts). Loaded as a chunk of its own when the tab first draws
 * one, so the charting library costs the other pages nothing. Figures and titles live outside it.
 */
export default function MetricsChart({ kind, metrics }: { kind: ChartKind; metrics: RequestMetrics }) {
  const { t, i18n } = useTranslation(MONITORING_NS);
  const { palette } = useTheme();
  const clock = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const labels = metrics.buckets.map((bucket) => clock.format(new Date(bucket.start)));
  const values = (key: 'invocations' | 'errors4xx' | 'errors5xx' | 'throttles') =>
    metrics.buckets.map((bucket) => bucket[key]);
  const common = { height: HEIGHT, margin: MARGIN, skipAnimation: true } as const;
  const bandAxis = [{ scaleType: 'band' as const, data: labels }];
  const countAxis = [{ tickMinStep: 1 }];
  const oneSeries = (key: 'invocations' | 'throttles', label: string, color: string) => (
    <BarChart
      {...common}
      hideLegend
      xAxis={bandAxis}
      yAxis={countAxis}
      series={[{ data: values(key), label, color }]}
    />
  );

  switch (kind) {
    case 'invocations':
      return oneSeries('invocations', t('chart.invocations'), palette.primary.main);
    case 'errors':
      return (
        <BarChart
          {...common}
          xAxis={bandAxis}
          yAxis={countAxis}
          series={[
            { data: values('errors4xx'), label: t('series.errors4xx'), stack: 'errors', color: palette.warning.main },
            { data: values('errors5xx'), label: t('series.errors5xx'), stack: 'errors', color: palette.error.main },
          ]}
        />
      );
    case 'throttles':
      return oneSeries('throttles', t('chart.throttles'), palette.secondary.main);
    case 'duration':
      return (
        <LineChart
          {...common}
          xAxis={[{ scaleType: 'point', data: labels }]}
          series={[
            { data: metrics.buckets.map((b) => b.p50Ms ?? null), label: t('series.p50'), showMark: false },
            { data: metrics.buckets.map((b) => b.p99Ms ?? null), label: t('series.p99'), showMark: false },
          ]}
        />
      );
  }
}
