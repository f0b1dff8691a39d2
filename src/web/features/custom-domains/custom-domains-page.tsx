import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CustomDomainView } from '../../../contract/custom-domain-console';
import { DeleteDialog } from '../../components/delete-dialog';
import { ListStates } from '../../components/list-states';
import { CustomDomainPanel, type PanelState } from './custom-domain-panel';
import { CustomDomainsTable } from './custom-domains-table';
import { customDomainQueries, deleteCustomDomain } from './queries';

/** The Custom Domains page: the account's domains a page at a time, Add, Edit and Delete. */
export function CustomDomainsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  // The token of each page shown so far: the first page has none.
  const [tokens, setTokens] = useState<Array<string | undefined>>([undefined]);
  const domains = useQuery(customDomainQueries.list(tokens.at(-1)));
  const [panel, setPanel] = useState<PanelState>({ open: false });
  const [deleting, setDeleting] = useState<CustomDomainView | undefined>();
  const nextToken = domains.data?.nextToken;

  const addButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setPanel({ open: true })}>
      {t('customDomains.create.action')}
    </Button>
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h1">
          {t('customDomains.title')}
        </Typography>
        {addButton}
      </Stack>
      <Paper variant="outlined">
        <ListStates
          query={domains}
          items={(data) => data.customDomains}
          loadingRows={3}
          errorTitle={t('customDomains.loadFailed')}
          empty={{
            title: t('customDomains.empty.title'),
            description: t('customDomains.empty.description'),
            action: addButton,
          }}
        >
          {(list) => (
            <CustomDomainsTable
              domains={list}
              onEdit={(domain) => setPanel({ open: true, domain })}
              onDelete={setDeleting}
            />
          )}
        </ListStates>
      </Paper>
      {tokens.length > 1 || nextToken ? (
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          <Button disabled={tokens.length <= 1} onClick={() => setTokens((list) => list.slice(0, -1))}>
            {t('customDomains.paging.previous')}
          </Button>
          <Button disabled={!nextToken} onClick={() => nextToken && setTokens((list) => [...list, nextToken])}>
            {t('customDomains.paging.next')}
          </Button>
        </Stack>
      ) : null}
      <CustomDomainPanel
        state={panel}
        onClose={() => setPanel({ open: false })}
        // A new domain opens at once, with its URL and the test request.
        onSaved={(saved) =>
          panel.open && !panel.domain ? navigate(`/${encodeURIComponent(saved.domainName)}`) : undefined
        }
      />
      <DeleteDialog
        target={deleting?.domainName}
        title={t('customDomains.delete.title')}
        message={t('customDomains.delete.message', { name: deleting?.domainName })}
        onDelete={async (name) => {
          await deleteCustomDomain(name);
          queryClient.removeQueries({ queryKey: customDomainQueries.detail(name).queryKey });
          await queryClient.invalidateQueries({ queryKey: customDomainQueries.lists() });
        }}
        onClose={() => setDeleting(undefined)}
      />
    </Stack>
  );
}
