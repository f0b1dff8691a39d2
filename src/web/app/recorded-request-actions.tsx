import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordedRequest } from '../../contract/recorded-request';
import type { Trigger } from '../../contract/trigger';
import { ErrorAlert } from '../components/error-alert';
import { CopyRequestMenu } from '../features/invocations/copy-request/copy-request-menu';
import { ErrorExplanation } from '../features/invocations/error-panel/error-explanation';
import { handToTestFunction } from '../features/invocations/pending-test-params';
import { invoke } from '../features/invocations/queries';
import { ResultSummary } from '../features/invocations/result-summary';
import { replayBlock, toTestParams } from './recorded-to-test';

type Props = {
  functionName: string;
  recorded: RecordedRequest;
  trigger: Trigger | undefined;
  onOpenInTest: () => void;
  onModifyTrigger: (triggerName: string) => void;
};

/**
 * Replay (through the same trigger and endpoint, or the same custom domain; credentials re-applied by
 * the bff), Open in Test Function, Copy as cURL.
 */
export function RecordedRequestActions({ functionName, recorded, trigger, onOpenInTest, onModifyTrigger }: Props) {
  const { t } = useTranslation();
  const [jwt, setJwt] = useState('');
  const params = toTestParams(recorded, trigger, jwt.trim() || undefined);
  const block = replayBlock(recorded, trigger);
  // Test Function and Copy as cURL send through a trigger: only Replay sends through a custom domain.
  const throughDomain = params.domainName !== undefined;
  const needsJwt = trigger?.triggerConfig.authType === 'jwt';
  const replay = useMutation({
    mutationFn: () => invoke(functionName, { mode: recorded.invocationType, ...params }),
  });
  const result = replay.data;
  return (
    <Stack spacing={1.5}>
      {needsJwt && !block ? (
        <TextField
          size="small"
          label={t('invocations.configure.jwt')}
          value={jwt}
          onChange={(event) => setJwt(event.target.value)}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
      ) : null}
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Button
          variant="contained"
          disabled={block !== undefined || replay.isPending || (needsJwt && jwt.trim() === '')}
          onClick={() => replay.mutate()}
        >
          {t('requests.actions.replay')}
        </Button>
        <Button
          variant="outlined"
          disabled={block !== undefined || throughDomain}
          onClick={() => {
            handToTestFunction(functionName, params);
            onOpenInTest();
          }}
        >
          {t('requests.actions.openInTest')}
        </Button>
        {block === undefined && !throughDomain ? (
          <CopyRequestMenu
            functionName={functionName}
            request={params.request}
            mode={recorded.invocationType}
            triggerName={params.triggerName}
            endpoint={params.endpoint ?? 'internet'}
            auth={params.auth}
          />
        ) : null}
      </Stack>
      {block ? <Alert severity="info">{t(`requests.replayBlocked.${block}`)}</Alert> : null}
      {!block && throughDomain ? (
        <Alert severity="info">{t('requests.actions.throughDomain', { domainName: params.domainName })}</Alert>
      ) : null}
      {replay.isPending ? <LinearProgress aria-label={t('requests.actions.replaying')} /> : null}
      {replay.isError ? <ErrorAlert error={replay.error} title={t('requests.actions.replayFailed')} /> : null}
      {result ? (
        <Stack spacing={1} component="section" aria-label={t('requests.actions.replayResult')}>
          <ResultSummary result={result} />
          {result.status >= 400 || result.errorType ? (
            <ErrorExplanation
              result={result}
              trigger={trigger}
              onModifyTrigger={trigger ? () => onModifyTrigger(trigger.triggerName) : undefined}
            />
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
