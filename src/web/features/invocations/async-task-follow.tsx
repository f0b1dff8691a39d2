import StopIcon from '@mui/icons-material/Stop';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AsyncTask } from '../../../contract/async-task';
import { ErrorAlert } from '../../components/error-alert';
import { asyncTaskQueries, isFinalTaskStatus, stopAsyncTask } from './queries';
import { monospaceBox } from './response-body-view';

const STEP_OF: Record<string, number> = { Enqueued: 0, Dequeued: 0, Running: 1, Retrying: 1, Stopping: 1 };

/** Enqueued → Running → the final status; the step reached, and whether the end is a failure. */
function progress(task: AsyncTask) {
  const final = isFinalTaskStatus(task.status);
  return {
    active: final ? 3 : (STEP_OF[task.status] ?? 0),
    last: final ? task.status : 'Succeeded',
    failed: final && task.status !== 'Succeeded',
  };
}

/** An accepted async invocation's task, asked for every second until it is final; Stop while it runs. */
export function AsyncTaskFollow({ functionName, taskId }: { functionName: string; taskId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(asyncTaskQueries.detail(functionName, taskId));
  const stop = useMutation({
    mutationFn: () => stopAsyncTask(functionName, taskId),
    onSuccess: (task) => {
      queryClient.setQueryData(asyncTaskQueries.detail(functionName, taskId).queryKey, task);
      void queryClient.invalidateQueries({ queryKey: asyncTaskQueries.lists(functionName) });
    },
  });

  if (query.isError)
    return (
      <ErrorAlert error={query.error} title={t('invocations.task.loadFailed')} onRetry={() => void query.refetch()} />
    );
  const task = query.data;
  if (!task) return <Typography color="text.secondary">{t('invocations.task.waiting')}</Typography>;
  const { active, last, failed } = progress(task);

  return (
    <Box component="section" aria-label={t('invocations.task.title')} sx={{ display: 'grid', gap: 1.5 }}>
      <Stepper activeStep={active} alternativeLabel>
        {['Enqueued', 'Running', last].map((status, i) => (
          <Step key={status} completed={active > i}>
            <StepLabel error={i === 2 && failed}>
              {t(`invocations.taskStatus.${status}`, { defaultValue: status })}
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography role="status" variant="body2">
          {t('invocations.task.status', {
            status: t(`invocations.taskStatus.${task.status}`, { defaultValue: task.status }),
          })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('invocations.task.retries', { count: task.alreadyRetriedTimes ?? 0 })}
        </Typography>
        {task.durationMs !== undefined ? (
          <Typography variant="body2" color="text.secondary">
            {t('invocations.result.duration', { ms: task.durationMs })}
          </Typography>
        ) : null}
        {!isFinalTaskStatus(task.status) ? (
          <Button
            size="small"
            color="error"
            variant="outlined"
            startIcon={<StopIcon />}
            disabled={stop.isPending}
            onClick={() => stop.mutate()}
          >
            {t('invocations.task.stop')}
          </Button>
        ) : null}
      </Box>
      {stop.isError ? <ErrorAlert error={stop.error} title={t('invocations.task.stopFailed')} /> : null}
      {task.taskErrorMessage ? <Alert severity="error">{task.taskErrorMessage}</Alert> : null}
      {task.returnPayload !== undefined ? (
        <Box component="section" aria-label={t('invocations.task.returnPayload')}>
          <Typography variant="subtitle2">{t('invocations.task.returnPayload')}</Typography>
          <Box component="pre" sx={monospaceBox}>
            {task.returnPayload}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}
