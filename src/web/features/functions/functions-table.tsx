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

/** Memory and Last Modified give way on a phone, so that the name and Delete keep their place. */
const wideOnly = { display: { xs: 'none', md: 'table-cell' } } as const;
/** A 128-character name is cut with an ellipsis; the whole name is its title and the next page's heading. */
const nameCut = {
  display: 'block',
  maxWidth: { xs: '40vw', md: 280, lg: 440 },
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;

export function FunctionsTable({ functions, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Table aria-label={t('functions.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('functions.columns.name')}</TableCell>
          <TableCell>{t('functions.columns.runtime')}</TableCell>
          <TableCell sx={wideOnly}>{t('functions.columns.memory')}</TableCell>
          <TableCell sx={wideOnly}>{t('functions.columns.lastModified')}</TableCell>
          <TableCell>{t('common.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {functions.map((fn) => (
          <TableRow key={fn.functionName} hover>
            <TableCell>
              <Link
                component={RouterLink}
                to={`/functions/${encodeURIComponent(fn.functionName)}`}
                title={fn.functionName}
                sx={nameCut}
              >
                {fn.functionName}
              </Link>
            </TableCell>
            <TableCell>{runtimeLabel(t, fn.runtime)}</TableCell>
            <TableCell sx={wideOnly}>{t('functions.memoryValue', { mb: fn.memorySize })}</TableCell>
            <TableCell sx={wideOnly}>{formatDateTime(fn.lastModifiedTime, i18n.language)}</TableCell>
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
