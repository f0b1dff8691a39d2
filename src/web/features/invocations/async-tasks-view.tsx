import RefreshIcon from '@mui/icons-material/Refresh';
import StopIcon from '@mui/icons-material/Stop';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AsyncTask, AsyncTaskStatus } from '../../../contract/async-task';
import { EmptyState } from '../../components/empty-state';
import { ListPager } from '../../components/list-pager';
import { ListStates } from '../../components/list-states';
import { PrefixSearch } from '../../components/prefix-search';
import { useTokenPages } from '../../components/use-token-pages';
import { formatDateTime } from '../../lib/format';
import { asyncTaskQueries, isFinalTaskStatus, stopAsyncTask } from './queries';

const FILTERS: ReadonlyArray<AsyncTaskStatus | undefined> = [
  undefined,
  'Enqueued',
  'Running',
  'Succeeded',
  'Failed',
  'Stopped',
];

export function taskStatusColor(status: string): 'default' | 'info' | 'success' | 'error' | 'warning' {
  if (status === 'Succeeded') return 'success';
  if (status === 'Failed' || status === 'Invalid' || status === 'Expired') return 'error';
  if (status === 'Stopped' || status === 'Stopping') return 'warning';
  return 'info';
}

function TaskRow({ functionName, task }: { functionName: string; task: AsyncTask }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const stop = useMutation({
    mutationFn: () => stopAsyncTask(functionName, task.taskId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: asyncTaskQueries.all(functionName) }),
  });
  const started = task.startedTime ? formatDateTime(new Date(task.startedTime).toISOString(), i18n.language) : '';
  return (
    <TableRow>
      <TableCell sx={{ fontFamily: 'monospace' }}>{task.taskId}</TableCell>
      <TableCell>
        <Chip
          size="small"
          color={taskStatusColor(task.status)}
          label={t(`invocations.taskStatus.${task.status}`, { defaultValue: task.status })}
        />
      </TableCell>
      <TableCell>{started}</TableCell>
      <TableCell>
        {task.durationMs !== undefined ? t('invocations.result.duration', { ms: task.durationMs }) : ''}
      </TableCell>
      <TableCell>{task.alreadyRetriedTimes ?? 0}</TableCell>
      <TableCell sx={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {task.taskErrorMessage ?? task.returnPayload ?? ''}
      </TableCell>
      <TableCell align="right">
        {!isFinalTaskStatus(task.status) ? (
          <Tooltip title={t('invocations.task.stop')}>
            <IconButton
              size="small"
              aria-label={t('invocations.tasks.stop', { id: task.taskId })}
              disabled={stop.isPending}
              onClick={() => stop.mutate()}
            >
              <StopIcon fontSize="inherit" />
            </IconButton>
          </Tooltip>
        ) : null}
      </TableCell>
    </TableRow>
  );
}

/** The largest task id prefix FC takes (a task id has at most 128 characters). */
const TASK_ID_MAX = 128;

/**
 * The function's async tasks, newest first, a page at a time, filtered by status and task id prefix
 * (FC's ListAsyncTasks filters both), refreshed while any of them is not final.
 */
export function AsyncTasksView({ functionName }: { functionName: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AsyncTaskStatus | undefined>();
  const [prefix, setPrefix] = useState('');
  const pages = useTokenPages();
  const tasks = useQuery(asyncTaskQueries.list(functionName, { status, prefix }, pages.request));

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <Stack
          direction="row"
          useFlexGap
          spacing={1}
          sx={{ flexWrap: 'wrap' }}
          role="group"
          aria-label={t('invocations.tasks.filter')}
        >
          {FILTERS.map((value) => (
            <Chip
              key={value ?? 'all'}
              label={value ? t(`invocations.taskStatus.${value}`) : t('invocations.tasks.all')}
              color={status === value ? 'primary' : 'default'}
              variant={status === value ? 'filled' : 'outlined'}
              aria-pressed={status === value}
              onClick={() => {
                setStatus(value);
                pages.restart();
              }}
            />
          ))}
        </Stack>
        <Box sx={{ flex: 1 }} />
        <Button
          size="small"
          startIcon={<RefreshIcon />}
          onClick={() => void tasks.refetch()}
          disabled={tasks.isFetching}
        >
          {t('invocations.tasks.refresh')}
        </Button>
      </Stack>
      <Box sx={{ mb: 2 }}>
        <PrefixSearch
          prefix={prefix}
          onSearch={(next) => {
            setPrefix(next);
            pages.restart();
          }}
          label={t('lists.tasks.search')}
          placeholder={t('lists.tasks.placeholder')}
          maxLength={TASK_ID_MAX}
        />
      </Box>
      {prefix && tasks.data?.tasks.length === 0 ? (
        <EmptyState title={t('lists.tasks.noMatch', { prefix })} />
      ) : (
        <ListStates
          query={tasks}
          items={(data) => data.tasks}
          errorTitle={t('invocations.tasks.loadFailed')}
          empty={{ title: t('invocations.tasks.empty'), description: t('invocations.tasks.emptyHelp') }}
        >
          {(list) => (
            <>
              <Table size="small" aria-label={t('invocations.tasks.title')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('invocations.tasks.columns.taskId')}</TableCell>
                    <TableCell>{t('invocations.tasks.columns.status')}</TableCell>
                    <TableCell>{t('invocations.tasks.columns.started')}</TableCell>
                    <TableCell>{t('invocations.tasks.columns.duration')}</TableCell>
                    <TableCell>{t('invocations.tasks.columns.retries')}</TableCell>
                    <TableCell>{t('invocations.tasks.columns.outcome')}</TableCell>
                    <TableCell align="right">{t('common.actions')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {list.map((task) => (
                    <TaskRow key={task.taskId} functionName={functionName} task={task} />
                  ))}
                </TableBody>
              </Table>
              <ListPager pages={pages} nextToken={tasks.data?.nextToken} busy={tasks.isPlaceholderData} />
            </>
          )}
        </ListStates>
      )}
    </Box>
  );
}
