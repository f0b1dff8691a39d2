import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { CustomDomainView } from '../../../contract/custom-domain-console';
import { LATEST } from '../../../contract/names';

type Props = { domain: CustomDomainView; matchedIndex?: number; labelledBy: string };

/** The domain's routes as stored; the one the last test request matched is marked. */
export function DomainRoutesTable({ domain, matchedIndex, labelledBy }: Props) {
  const { t } = useTranslation();
  const routes = domain.routeConfig?.routes ?? [];
  return (
    <Table size="small" aria-labelledby={labelledBy}>
      <TableHead>
        <TableRow>
          <TableCell>{t('customDomains.form.path')}</TableCell>
          <TableCell>{t('customDomains.form.function')}</TableCell>
          <TableCell>{t('customDomains.form.qualifier')}</TableCell>
          <TableCell>{t('customDomains.form.methods')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {routes.map((route, index) => {
          const matched = index === matchedIndex;
          return (
            <TableRow key={`${index}-${route.path}`} selected={matched} aria-current={matched ? 'true' : undefined}>
              <TableCell>
                <code>{route.path}</code>
                {matched ? (
                  <Chip size="small" color="success" label={t('customDomains.test.matchedRow')} sx={{ ml: 1 }} />
                ) : null}
              </TableCell>
              <TableCell>{route.functionName}</TableCell>
              <TableCell>{route.qualifier ?? LATEST}</TableCell>
              <TableCell>
                {route.methods?.length ? route.methods.join(', ') : t('customDomains.form.allMethods')}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
