import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { RequestMetrics } from '../../../contract/recorded-request';
import { formatDateTime } from '../../lib/format';
import { MONITORING_NS } from './monitoring-i18n';
import { visuallyHidden } from './visually-hidden';

const COLUMNS = ['invocations', 'errors4xx', 'errors5xx', 'throttles'] as const;

/** The charts' figures for screen readers: one row per bucket that had requests. */
export function MetricsTable({ metrics }: { metrics: RequestMetrics }) {
  const { t, i18n } = useTranslation(MONITORING_NS);
  const rows = metrics.buckets.filter((bucket) => bucket.invocations > 0);
  return (
    // A table is never narrower than its content: the box around it is what stays 1 px wide.
    <Box sx={visuallyHidden}>
      <Table size="small">
        <caption>{t('table.caption', { minutes: metrics.bucketSeconds / 60 })}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {t('table.start')}
            </TableCell>
            {COLUMNS.map((column) => (
              <TableCell key={column} component="th" scope="col">
                {t(`totals.${column}`)}
              </TableCell>
            ))}
            <TableCell component="th" scope="col">
              {t('series.p50')}
            </TableCell>
            <TableCell component="th" scope="col">
              {t('series.p99')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((bucket) => (
            <TableRow key={bucket.start}>
              <TableCell component="th" scope="row">
                {formatDateTime(bucket.start, i18n.language)}
              </TableCell>
              {COLUMNS.map((column) => (
                <TableCell key={column}>{bucket[column]}</TableCell>
              ))}
              <TableCell>{t('totals.ms', { value: bucket.p50Ms })}</TableCell>
              <TableCell>{t('totals.ms', { value: bucket.p99Ms })}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
