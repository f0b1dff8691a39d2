import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { MetricsSummary } from './metrics-summary';
import { MONITORING_NS } from './monitoring-i18n';

/** The window's totals as text, beside the charts (and what a screen reader reads first). */
export function MetricsTotals({ summary }: { summary: MetricsSummary }) {
  const { t, i18n } = useTranslation(MONITORING_NS);
  const count = (value: number) => formatNumber(value, i18n.language);
  const rows = [
    ['invocations', count(summary.invocations.total)],
    ['errors4xx', count(summary.errors4xx.total)],
    ['errors5xx', count(summary.errors5xx.total)],
    ['throttles', count(summary.throttles.total)],
    ['p99', summary.p99Max === undefined ? t('totals.none') : t('totals.ms', { value: summary.p99Max })],
  ] as const;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="monitoring-totals" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h3" id="monitoring-totals" gutterBottom>
        {t('totals.title')}
      </Typography>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 2, rowGap: 1 }}>
        {rows.map(([key, value]) => (
          <Box key={key} sx={{ display: 'contents' }}>
            <Typography component="dt" color="text.secondary">
              {t(`totals.${key}`)}
            </Typography>
            <Typography component="dd" sx={{ m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
