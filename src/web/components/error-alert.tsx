import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { useErrorText } from './use-error-text';

type Props = {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  sx?: SxProps<Theme>;
  /** To move focus to the alert when it answers the user's action (tabIndex -1). */
  ref?: Ref<HTMLDivElement>;
  tabIndex?: number;
};

/** Asking again can help after a network failure, a timeout, throttling or a server error; a 4xx answer would come back the same. */
function mayRetry(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * A failed request as the user sees it: what failed, the service's message, its code and request id.
 * Retry is offered only where asking again can help.
 */
export function ErrorAlert({ error, title, onRetry, sx, ref, tabIndex }: Props) {
  const { t } = useTranslation();
  const apiError = isApiError(error) ? error : undefined;
  const message = useErrorText()(error);
  return (
    <Alert
      severity="error"
      ref={ref}
      tabIndex={tabIndex}
      sx={sx}
      action={
        onRetry && mayRetry(error) ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title ?? t('errors.requestFailed')}</AlertTitle>
      {message}
      {apiError && apiError.status > 0 ? (
        <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
          {apiError.requestId
            ? t('errors.details', { code: apiError.code, status: apiError.status, requestId: apiError.requestId })
            : t('errors.detailsNoRequest', { code: apiError.code, status: apiError.status })}
        </Typography>
      ) : null}
    </Alert>
  );
}
