import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { FcFunction } from '../../../contract/function';
import { formatDateTime } from '../../lib/format';
import { RouterLink } from '../../lib/router-link';
import { runtimeLabel } from './runtime-label';

type Props = { functions: FcFunction[]; onDelete: (fn: FcFunction) => void };

export function FunctionsTable({ functions, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Table aria-label={t('functions.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('functions.columns.name')}</TableCell>
          <TableCell>{t('functions.columns.runtime')}</TableCell>
          <TableCell>{t('functions.columns.memory')}</TableCell>
          <TableCell>{t('functions.columns.lastModified')}</TableCell>
          <TableCell>{t('common.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {functions.map((fn) => (
          <TableRow key={fn.functionName} hover>
            <TableCell>
              <Link component={RouterLink} to={`/functions/${encodeURIComponent(fn.functionName)}`}>
                {fn.functionName}
              </Link>
            </TableCell>
            <TableCell>{runtimeLabel(t, fn.runtime)}</TableCell>
            <TableCell>{t('functions.memoryValue', { mb: fn.memorySize })}</TableCell>
            <TableCell>{formatDateTime(fn.lastModifiedTime, i18n.language)}</TableCell>
            <TableCell>
              <Button
                size="small"
                color="error"
                onClick={() => onDelete(fn)}
                aria-label={t('functions.delete.action', { name: fn.functionName })}
              >
                {t('common.delete')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
