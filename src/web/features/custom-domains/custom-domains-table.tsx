import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import type { CustomDomainView } from '../../../contract/custom-domain-console';
import { ActionsTable } from '../../components/actions-table';
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
    <ActionsTable
      label={t('customDomains.title')}
      rows={domains}
      rowKey={(domain) => domain.domainName}
      columns={[
        {
          header: t('customDomains.columns.domainName'),
          cell: (domain) => (
            <Link component={RouterLink} to={`/${encodeURIComponent(domain.domainName)}`}>
              {domain.domainName}
            </Link>
          ),
        },
        {
          header: t('customDomains.columns.url'),
          cell: (domain) => (
            <DomainUrl url={domain.url} copyLabel={t('customDomains.copyUrl', { name: domain.domainName })} />
          ),
        },
        { header: t('customDomains.columns.protocol'), cell: (domain) => domain.protocol },
        {
          header: t('customDomains.columns.routes'),
          cell: (domain) => t('customDomains.routeCount', { count: domain.routeConfig?.routes?.length ?? 0 }),
        },
        {
          header: t('customDomains.columns.lastModified'),
          cell: (domain) => formatDateTime(domain.lastModifiedTime, i18n.language),
        },
      ]}
      actions={[
        {
          label: t('customDomains.edit.label'),
          name: (domain) => t('customDomains.edit.action', { name: domain.domainName }),
          onClick: onEdit,
        },
        {
          label: t('common.delete'),
          name: (domain) => t('customDomains.delete.action', { name: domain.domainName }),
          onClick: onDelete,
          danger: true,
        },
      ]}
    />
  );
}
