import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { CustomDomainView } from '../../../contract/custom-domain-console';
import { formatDateTime } from '../../lib/format';
import { RouterLink } from '../../lib/router-link';
import { DomainUrl } from './domain-url';

type Props = {
  domains: CustomDomainView[];
  onEdit: (domain: CustomDomainView) => void;
  onDelete: (domain: CustomDomainView) => void;
};

export function CustomDomainsTable({ domains, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Table aria-label={t('customDomains.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('customDomains.columns.domainName')}</TableCell>
          <TableCell>{t('customDomains.columns.url')}</TableCell>
          <TableCell>{t('customDomains.columns.protocol')}</TableCell>
          <TableCell>{t('customDomains.columns.routes')}</TableCell>
          <TableCell>{t('customDomains.columns.lastModified')}</TableCell>
          <TableCell>{t('common.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {domains.map((domain) => (
          <TableRow key={domain.domainName} hover>
            <TableCell>
              <Link component={RouterLink} to={`/${encodeURIComponent(domain.domainName)}`}>
                {domain.domainName}
              </Link>
            </TableCell>
            <TableCell>
              <DomainUrl url={domain.url} copyLabel={t('customDomains.copyUrl', { name: domain.domainName })} />
            </TableCell>
            <TableCell>{domain.protocol}</TableCell>
            <TableCell>{t('customDomains.routeCount', { count: domain.routeConfig?.routes?.length ?? 0 })}</TableCell>
            <TableCell>{formatDateTime(domain.lastModifiedTime, i18n.language)}</TableCell>
            <TableCell>
              <Stack direction="row" spacing={1}>
                <Button
                  size="small"
                  onClick={() => onEdit(domain)}
                  aria-label={t('customDomains.edit.action', { name: domain.domainName })}
                >
                  {t('customDomains.edit.label')}
                </Button>
                <Button
                  size="small"
                  color="error"
                  onClick={() => onDelete(domain)}
                  aria-label={t('customDomains.delete.action', { name: domain.domainName })}
                >
                  {t('common.delete')}
                </Button>
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
