import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { RecordedRequestSummary } from '../../../contract/recorded-request';
import { formatTime } from '../../lib/format';
import { statusColor } from '../../lib/status-color';

const COLUMNS = ['time', 'method', 'path', 'source', 'status', 'duration', 'requestId', 'type', 'via'] as const;

function Row({ row, onOpen }: { row: RecordedRequestSummary; onOpen: (requestId: string) => void }) {
  const { t, i18n } = useTranslation();
  const via = row.domainName ?? `${row.triggerName ?? ''} · ${row.qualifier}`;
  return (
    <TableRow
      hover
      tabIndex={0}
      aria-label={t('requests.row', { method: row.method, path: row.path, status: row.status })}
      onClick={() => onOpen(row.requestId)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(row.requestId);
        }
      }}
      sx={{ cursor: 'pointer' }}
    >
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(row.time, i18n.language)}</TableCell>
      <TableCell>{row.method}</TableCell>
      <TableCell sx={{ fontFamily: 'monospace', maxWidth: 280, wordBreak: 'break-all' }}>{row.path}</TableCell>
      <TableCell>{row.sourceIp}</TableCell>
      <TableCell>
        <Chip size="small" color={statusColor(row.status)} label={row.status} />
        {row.errorCode ? ` ${row.errorCode}` : ''}
      </TableCell>
      <TableCell>{t('invocations.result.duration', { ms: Math.round(row.durationMs) })}</TableCell>
      <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{row.requestId}</TableCell>
      <TableCell>{t(`invocations.mode.${row.invocationType}`)}</TableCell>
      <TableCell>
        {via} {row.fromConsole ? <Chip size="small" variant="outlined" label={t('requests.fromConsole')} /> : null}
      </TableCell>
    </TableRow>
  );
}

/** The recorded requests, newest first; a row opens its detail (click, Enter or Space). */
export function RequestsTable({ rows, onOpen }: { rows: RecordedRequestSummary[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Table size="small" aria-label={t('requests.title')}>
      <TableHead>
        <TableRow>
          {COLUMNS.map((column) => (
            <TableCell key={column}>{t(`requests.columns.${column}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <Row key={row.seq} row={row} onOpen={onOpen} />
        ))}
      </TableBody>
    </Table>
  );
}
