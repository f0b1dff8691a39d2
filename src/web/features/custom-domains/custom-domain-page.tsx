import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { DeleteDialog } from '../../components/delete-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { RouterLink } from '../../lib/router-link';
import { CustomDomainPanel, type PanelState } from './custom-domain-panel';
import { DomainRoutesTable } from './domain-routes-table';
import { DomainTestRequest } from './domain-test-request';
import { DomainUrl } from './domain-url';
import { customDomainQueries, deleteCustomDomain } from './queries';

/** One custom domain: its URL, its routes, Edit, Delete, and a request sent through it. */
export function CustomDomainPage({ domainName }: { domainName: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const routesTitleId = useId();
  const domain = useQuery(customDomainQueries.detail(domainName));
  const [panel, setPanel] = useState<PanelState>({ open: false });
  const [deleting, setDeleting] = useState<string | undefined>();
  const [matchedIndex, setMatchedIndex] = useState<number | undefined>();

  let content;
  if (domain.isPending) content = <PageLoading />;
  else if (domain.isError)
    content = (
      <ErrorAlert
        error={domain.error}
        title={t('customDomains.details.notFound')}
        onRetry={() => void domain.refetch()}
      />
    );
  else
    content = (
      <Stack spacing={3}>
        <Stack spacing={0.5}>
          <Typography variant="caption" color="text.secondary">
            {t('customDomains.details.url')}
          </Typography>
          <DomainUrl url={domain.data.url} copyLabel={t('customDomains.copyUrl', { name: domainName })} />
        </Stack>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h6" component="h2" id={routesTitleId} gutterBottom>
            {t('customDomains.details.routesTitle')}
          </Typography>
          <DomainRoutesTable domain={domain.data} matchedIndex={matchedIndex} labelledBy={routesTitleId} />
        </Paper>
        <DomainTestRequest domain={domain.data} onMatched={setMatchedIndex} />
      </Stack>
    );

  return (
    <Stack spacing={2}>
      <Breadcrumbs aria-label={t('nav.breadcrumbs')} separator="›">
        <Link component={RouterLink} to="~/custom-domains" underline="hover" color="inherit">
          {t('customDomains.details.back')}
        </Link>
        <Typography color="text.primary" aria-current="page">
          {domainName}
        </Typography>
      </Breadcrumbs>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
        <Typography variant="h5" component="h1" sx={{ wordBreak: 'break-all' }}>
          {domainName}
        </Typography>
        {domain.data ? (
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" onClick={() => setPanel({ open: true, domain: domain.data })}>
              {t('customDomains.edit.label')}
            </Button>
            <Button variant="outlined" color="error" onClick={() => setDeleting(domainName)}>
              {t('common.delete')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
      {content}
      <CustomDomainPanel
        state={panel}
        onClose={() => setPanel({ open: false })}
        onSaved={() => setMatchedIndex(undefined)}
      />
      <DeleteDialog
        target={deleting}
        title={t('customDomains.delete.title')}
        message={t('customDomains.delete.message', { name: deleting })}
        onDelete={async (name) => {
          await deleteCustomDomain(name);
          // Leave before forgetting the domain: this page would fetch it again (and meet a 404).
          navigate('~/custom-domains');
          await queryClient.invalidateQueries({ queryKey: customDomainQueries.all(), refetchType: 'none' });
        }}
        onClose={() => setDeleting(undefined)}
      />
    </Stack>
  );
}
