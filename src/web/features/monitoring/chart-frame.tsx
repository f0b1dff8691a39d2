import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestMetrics } from '../../../contract/recorded-request';
import { ChartBoundary } from './chart-boundary';
import type { ChartKind } from './metrics-chart';
import { MONITORING_NS } from './monitoring-i18n';

const MetricsChart = lazy(() => import('./metrics-chart'));

type Props = { kind: ChartKind; title: string; summary: string; metrics: RequestMetrics };

/** A chart with its title and a one-line summary that says in words what it draws. */
export function ChartFrame({ kind, title, summary, metrics }: Props) {
  const { t } = useTranslation(MONITORING_NS);
  const id = useId();
  return (
    <Paper
      variant="outlined"
      component="figure"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
      sx={{ m: 0, p: 2, minWidth: 0 }}
    >
      <Box component="figcaption">
        <Typography variant="subtitle1" component="h3" id={`${id}-title`}>
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary" id={`${id}-summary`}>
          {summary}
        </Typography>
      </Box>
      <ChartBoundary fallback={<Typography sx={{ py: 2 }}>{t('chart.failed')}</Typography>}>
        <Suspense
          fallback={
            <Box sx={{ height: 200, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              <CircularProgress size={24} aria-label={t('chart.loading')} />
            </Box>
          }
        >
          <MetricsChart kind={kind} metrics={metrics} />
        </Suspense>
      </ChartBoundary>
    </Paper>
  );
}
