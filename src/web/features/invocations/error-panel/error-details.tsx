import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvocationResult } from '../../../../contract/invocation';
import { REQUEST_LIMITS } from '../../../../contract/request-limits';
import type { StatusExplanation } from '../../../../contract/status-catalogue';
import type { Trigger } from '../../../../contract/trigger';
import { CopyButton } from '../../../components/copy-button';
import { clockSkew } from './request-measures';

export type ErrorDetailsProps = {
  row: StatusExplanation;
  result: InvocationResult;
  trigger?: Trigger;
  onModifyTrigger?: () => void;
  onUseInternalEndpoint?: () => void;
};

const AUTH_CODES = new Set(['MissingRequiredHeader', 'SignatureNotMatch', 'RequestTimeTooSkewed', 'Unauthorized']);
const SKEW_CODES = new Set(['SignatureNotMatch', 'RequestTimeTooSkewed']);

function Line({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
      {children}
    </Typography>
  );
}

function SizeLine({ label, size, limit }: { label: string; size: number; limit: number }) {
  const { t } = useTranslation();
  const over = size > limit;
  return (
    <Line>
      {t(label, { size, limit })}{' '}
      <Box component="strong" sx={{ color: over ? 'error.main' : 'success.main' }}>
        ({over ? t('errorPanel.size.over') : t('errorPanel.size.within')})
      </Box>
    </Line>
  );
}

/** What this trigger's settings and this request add to the row a known error code picked. */
export function ErrorDetails({ row, result, trigger, onModifyTrigger, onUseInternalEndpoint }: ErrorDetailsProps) {
  const { t } = useTranslation();
  const request = result.request;
  const parts: ReactNode[] = [];

  if (row.code === 'MethodNotAllowed' && trigger) {
    const method = request.kind === 'http' ? request.method : '';
    parts.push(
      <Line key="methods">
        {t('errorPanel.methods.allowed', { methods: trigger.triggerConfig.methods.join(', '), method })}{' '}
        {onModifyTrigger ? (
          <Button
            size="small"
            variant="outlined"
            onClick={onModifyTrigger}
            aria-label={t('errorPanel.methods.modifyLabel')}
          >
            {t('errorPanel.methods.modify')}
          </Button>
        ) : null}
      </Line>,
    );
  }
  if (row.code === 'InternetURLDisabled' && trigger) {
    const url = trigger.httpTrigger.urlIntranet;
    parts.push(
      <Box key="internal" sx={{ mt: 0.5 }}>
        <Typography variant="body2">{t('errorPanel.internet.internal')}</Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
          <Typography variant="body2" component="code" sx={{ wordBreak: 'break-all' }}>
            {url}
          </Typography>
          <CopyButton text={url} label={t('errorPanel.internet.copy')} />
          {onUseInternalEndpoint ? (
            <Button size="small" variant="outlined" onClick={onUseInternalEndpoint}>
              {t('errorPanel.internet.use')}
            </Button>
          ) : null}
        </Box>
      </Box>,
    );
  }
  // Measured by the bff on exactly what went out, as the gateway counts: never re-measured here.
  if (row.code === 'InvalidArgument' && result.sent) {
    const { headerBytes, pathWithQueryBytes } = result.sent;
    parts.push(
      <SizeLine key="headers" label="errorPanel.size.headers" size={headerBytes} limit={REQUEST_LIMITS.headerBytes} />,
      <SizeLine
        key="path"
        label="errorPanel.size.pathWithQuery"
        size={pathWithQueryBytes}
        limit={REQUEST_LIMITS.pathWithQueryBytes}
      />,
    );
  }
  if (AUTH_CODES.has(row.code) && trigger)
    parts.push(
      <Line key="auth">
        {t('errorPanel.auth', { method: t(`triggers.auth.${trigger.triggerConfig.authType}.label`) })}
      </Line>,
    );
  if (SKEW_CODES.has(row.code)) {
    const skew = clockSkew(result);
    parts.push(
      <Line key="skew">
        {skew
          ? t('errorPanel.skew.measured', {
              seconds: skew.seconds,
              serverTime: skew.serverTime.toISOString(),
              clientTime: skew.clientTime.toISOString(),
            })
          : t('errorPanel.skew.unknown')}
      </Line>,
    );
  }
  return parts.length > 0 ? <Box sx={{ mt: 1 }}>{parts}</Box> : null;
}
