import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordedRequest } from '../../../contract/recorded-request';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { requestQueries } from './queries';

type Props = {
  functionName: string;
  requestId: string;
  onClose: () => void;
  /** The request in full: the app composes it from Test Function's result views. */
  children: (recorded: RecordedRequest) => ReactNode;
};

/** One recorded request in a side panel (Esc or Close returns to the list); its URL names it (`request=`). */
export function RequestDetailDrawer({ functionName, requestId, onClose, children }: Props) {
  const { t } = useTranslation();
  const detail = useQuery(requestQueries.detail(functionName, requestId));
  const title = t('requests.detail.title', { requestId });
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      // Above the app bar, which sits over the navigation drawer: the panel's Close must not hide under it.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{ paper: { sx: { width: { xs: '100%', md: 760 }, p: 2 }, role: 'dialog', 'aria-label': title } }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
        <Typography variant="h6" component="h2" sx={{ wordBreak: 'break-all' }}>
          {title}
        </Typography>
        <IconButton aria-label={t('common.close')} onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </Stack>
      {detail.isPending ? <PageLoading rows={6} /> : null}
      {detail.isError ? (
        <ErrorAlert
          error={detail.error}
          title={t('requests.detail.loadFailed')}
          onRetry={() => void detail.refetch()}
        />
      ) : null}
      {detail.data?.source === 'log-service' ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('requests.cloud.detail')}
        </Alert>
      ) : null}
      {detail.data ? children(detail.data) : null}
    </Drawer>
  );
}
