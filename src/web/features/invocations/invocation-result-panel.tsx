import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvocationResult } from '../../../contract/invocation';
import { AsyncTaskFollow } from './async-task-follow';
import { HeadersTable } from './headers-table';
import { InvocationHistory } from './invocation-history';
import { monospaceBox, ResponseBodyView } from './response-body-view';
import { ResultSummary } from './result-summary';
import { useTestFunction } from './test-function-context';

export type ErrorSlotActions = { showLogs: () => void };

type Props = {
  functionName: string;
  /** The explanation of an error status (the error panel); rendered above the body for 4xx/5xx and function errors. */
  renderError?: (result: InvocationResult, actions: ErrorSlotActions) => ReactNode;
  /** Deploys the editor's edits (the Code tab's Deploy), offered when a test ran without them. */
  onDeploy?: () => void;
};

const isError = (result: InvocationResult) => result.status >= 400 || result.errorType !== undefined;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** The Code tab's result of Test Function: the latest test or one reopened from the history. */
export function InvocationResultPanel({ functionName, renderError, onDeploy }: Props) {
  const { t } = useTranslation();
  const test = useTestFunction();
  const logsId = useId();
  const { result } = test;
  const panelRef = useRef<HTMLElement>(null);
  // A new result may land below the fold, under the editor: bring it into view.
  useEffect(() => {
    if (result) panelRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [result]);
  const showLogs = () => {
    const logs = document.getElementById(logsId);
    logs?.scrollIntoView?.({ behavior: 'smooth', block: 'nearest' });
    logs?.focus();
  };

  return (
    <Paper
      ref={panelRef}
      variant="outlined"
      component="section"
      aria-label={t('invocations.result.title')}
      sx={{ p: 2, scrollMarginTop: 72 }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {t('invocations.result.title')}
        </Typography>
        <InvocationHistory functionName={functionName} onOpen={test.showResult} />
      </Stack>
      {test.running ? <LinearProgress aria-label={t('invocations.result.running')} sx={{ mb: 1 }} /> : null}
      {!result ? (
        <Typography color="text.secondary">{t('invocations.result.empty')}</Typography>
      ) : (
        <Stack spacing={2}>
          {test.ranWithEdits ? (
            <Alert
              severity="warning"
              action={
                onDeploy ? (
                  <Button color="inherit" size="small" onClick={onDeploy}>
                    {t('invocations.result.deploy')}
                  </Button>
                ) : undefined
              }
            >
              {t('invocations.result.undeployed')}
            </Alert>
          ) : null}
          <ResultSummary result={result} />
          {isError(result) && renderError ? (
            <Box data-slot="invocation-error">{renderError(result, { showLogs })}</Box>
          ) : null}
          {result.mode === 'async' && result.taskId ? (
            <AsyncTaskFollow key={result.taskId} functionName={functionName} taskId={result.taskId} />
          ) : null}
          {result.mode === 'sync' || result.status !== 202 ? (
            <Section title={t('invocations.result.body')}>
              <ResponseBodyView key={result.id} body={result.body} />
            </Section>
          ) : null}
          {result.logs !== undefined ? (
            <Section title={t('invocations.result.logs')}>
              <Box component="pre" id={logsId} tabIndex={-1} sx={monospaceBox}>
                {result.logs}
              </Box>
            </Section>
          ) : null}
          <Section title={t('invocations.result.headers')}>
            <HeadersTable headers={result.headers} />
          </Section>
        </Stack>
      )}
    </Paper>
  );
}
