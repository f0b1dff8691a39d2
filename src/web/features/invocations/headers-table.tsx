import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';

/** The response headers as received; a name may repeat. */
export function HeadersTable({ headers }: { headers: ReadonlyArray<readonly [string, string]> }) {
  const { t } = useTranslation();
  return (
    <Table size="small" aria-label={t('invocations.result.headers')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('invocations.result.headerName')}</TableCell>
          <TableCell>{t('invocations.result.headerValue')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {headers.map(([name, value], i) => (
          <TableRow key={`${name}-${i}`}>
            <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap', verticalAlign: 'top' }}>{name}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
