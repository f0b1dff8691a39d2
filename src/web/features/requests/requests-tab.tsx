import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordedRequest } from '../../../contract/recorded-request';
import type { Trigger } from '../../../contract/trigger';
import { CopyButton } from '../../components/copy-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { ListPager } from '../../components/list-pager';
import { isApiError } from '../../lib/api-client';
import { PageLoading } from '../../components/page-loading';
import { useTokenPages } from '../../components/use-token-pages';
import { triggerQueries } from '../../lib/trigger-queries';
import type { RequestFilters } from './queries';
import { RequestDetailDrawer } from './request-detail';
import { RequestFiltersBar } from './request-filters';
import { RequestsTable } from './requests-table';
import { useLiveRequests } from './use-live-requests';

type Props = {
  functionName: string;
  /** The request whose detail is open (`?request=`), and how to open or close one. */
  selected?: string;
  onSelect: (requestId: string | undefined) => void;
  /** The open request in full, with the function's triggers its explanation and Replay need. */
  renderDetail: (recorded: RecordedRequest, triggers: Trigger[]) => ReactNode;
};

function SendOne({ trigger }: { trigger: Trigger | undefined }) {
  const { t } = useTranslation();
  if (!trigger) return <Typography color="text.secondary">{t('requests.empty.noTrigger')}</Typography>;
  const url = trigger.triggerConfig.disableURLInternet
    ? trigger.httpTrigger.urlIntranet
    : trigger.httpTrigger.urlInternet;
  const curl = `curl -i '${url}'`;
  return (
    <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', justifyContent: 'center' }}>
      <Typography component="code" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {curl}
      </Typography>
      <CopyButton text={curl} label={t('requests.empty.copy')} />
    </Box>
  );
}

/** Every request the engine's gateway answered for this function, live, with filters and a detail panel. */
export function RequestsTab({ functionName, selected, onSelect, renderDetail }: Props) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<RequestFilters>({});
  const pages = useTokenPages(50);
  const triggers = useQuery(triggerQueries.list(functionName)).data?.triggers ?? [];
  const { base, rows, nextToken, capped } = useLiveRequests(functionName, filters, pages.request);
  const filtered = Object.values(filters).some((value) => value !== undefined);

  let list;
  if (base.isPending) list = <PageLoading rows={5} />;
  // Cloud mode reads the function's request logs: without them, say how to turn them on.
  else if (isApiError(base.error) && base.error.code === 'RequestLogsOff')
    list = (
      <Alert severity="info">
        <AlertTitle>{t('requests.cloud.logsOff')}</AlertTitle>
        {t('errors.codes.RequestLogsOff')}
      </Alert>
    );
  else if (base.isError)
    list = <ErrorAlert error={base.error} title={t('requests.loadFailed')} onRetry={() => void base.refetch()} />;
  else if (rows.length === 0)
    list = filtered ? (
      <EmptyState title={t('requests.empty.filtered')} />
    ) : (
      <EmptyState title={t('requests.empty.title')} action={<SendOne trigger={triggers[0]} />} />
    );
  else list = <RequestsTable rows={rows} onOpen={onSelect} />;

  return (
    <Box>
      <RequestFiltersBar
        filters={filters}
        triggers={triggers}
        onChange={(next) => {
          setFilters(next);
          pages.restart();
        }}
      />
      {rows.some((row) => row.source === 'log-service') ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('requests.cloud.note')}
        </Typography>
      ) : null}
      {capped ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('requests.capped', { count: rows.length })}
        </Typography>
      ) : null}
      {list}
      {base.isSuccess && (pages.hasPrevious || nextToken) ? (
        <ListPager pages={pages} nextToken={nextToken} busy={base.isFetching} />
      ) : null}
      {selected ? (
        <RequestDetailDrawer functionName={functionName} requestId={selected} onClose={() => onSelect(undefined)}>
          {(recorded) => renderDetail(recorded, triggers)}
        </RequestDetailDrawer>
      ) : null}
    </Box>
  );
}
