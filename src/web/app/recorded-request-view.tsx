import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordedRequest } from '../../contract/recorded-request';
import type { Trigger } from '../../contract/trigger';
import { ErrorExplanation } from '../features/invocations/error-panel/error-explanation';
import { HeadersTable } from '../features/invocations/headers-table';
import { monospaceBox, ResponseBodyView } from '../features/invocations/response-body-view';
import { ResultSummary } from '../features/invocations/result-summary';
import { RecordedRequestActions } from './recorded-request-actions';
import { toInvocationResult } from './recorded-to-test';

type Props = {
  functionName: string;
  recorded: RecordedRequest;
  triggers: Trigger[];
  onOpenInTest: () => void;
  onModifyTrigger: (triggerName: string) => void;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/**
 * A recorded request in full, read as Test Function's result is: the same summary, the same error
 * explanation tied to the trigger's settings, headers, bodies and logs; then Replay and its friends.
 */
export function RecordedRequestView({ recorded, triggers, ...props }: Props) {
  const { t } = useTranslation();
  const trigger = triggers.find((candidate) => candidate.triggerName === recorded.triggerName);
  const result = toInvocationResult(recorded);
  const via = recorded.domainName ?? `${recorded.triggerName ?? ''} · ${recorded.qualifier} · ${recorded.via}`;
  const modify = trigger ? () => props.onModifyTrigger(trigger.triggerName) : undefined;
  return (
    <Stack spacing={2}>
      <ResultSummary result={result} />
      <Typography variant="body2" color="text.secondary">
        {t('requests.detail.via', { via, source: recorded.sourceIp })}
        {recorded.fromConsole ? ` · ${t('requests.fromConsole')}` : ''}
      </Typography>
      {recorded.detailDropped ? <Alert severity="info">{t('requests.detail.dropped')}</Alert> : null}
      {recorded.status >= 400 || result.errorType ? (
        <ErrorExplanation result={result} trigger={trigger} onModifyTrigger={modify} />
      ) : null}
      <RecordedRequestActions recorded={recorded} trigger={trigger} {...props} />
      {recorded.request ? (
        <Section title={t('requests.detail.request')}>
          <HeadersTable headers={recorded.request.headers} />
          <ResponseBodyView body={recorded.request.body} />
        </Section>
      ) : null}
      {recorded.response ? (
        <Section title={t('requests.detail.response')}>
          <HeadersTable headers={recorded.response.headers} />
          <ResponseBodyView body={recorded.response.body} />
        </Section>
      ) : null}
      <Section title={t('invocations.result.logs')}>
        {recorded.logs !== undefined ? (
          <Box component="pre" sx={monospaceBox}>
            {recorded.logs}
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('requests.detail.noLogs')}
          </Typography>
        )}
      </Section>
    </Stack>
  );
}
