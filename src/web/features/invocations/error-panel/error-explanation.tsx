import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { fcErrorBodySchema } from '../../../../contract/api-error';
import type { InvocationResult } from '../../../../contract/invocation';
import { explainStatus, type StatusExplanation } from '../../../../contract/status-catalogue';
import type { Trigger } from '../../../../contract/trigger';
import { ErrorDetails, type ErrorDetailsProps } from './error-details';
import { StatusReference } from './status-reference';

export type ErrorExplanationProps = {
  result: InvocationResult;
  /** The trigger the request went through: its settings explain MethodNotAllowed, InternetURLDisabled, auth errors. */
  trigger?: Trigger;
  onModifyTrigger?: () => void;
  onUseInternalEndpoint?: () => void;
  onShowLogs?: () => void;
};

/** The gateway's `{Code, Message}` body, when the response is one. */
function gatewayMessage(result: InvocationResult): string | undefined {
  if (result.body.encoding !== 'text') return undefined;
  try {
    const parsed = fcErrorBodySchema.safeParse(JSON.parse(result.body.data));
    return parsed.success ? parsed.data.Message : undefined;
  } catch {
    return undefined;
  }
}

type RowProps = { row: StatusExplanation; showBilled: boolean; details?: Omit<ErrorDetailsProps, 'row'> };

function Row({ row, showBilled, details }: RowProps) {
  const { t } = useTranslation();
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="body2">{t(`errorPanel.catalogue.${row.code}.cause`)}</Typography>
      <Typography variant="body2">
        <strong>{t('errorPanel.action')}:</strong> {t(`errorPanel.catalogue.${row.code}.action`)}
      </Typography>
      {showBilled ? <Billed billed={row.billed} /> : null}
      {details ? <ErrorDetails row={row} {...details} /> : null}
    </Box>
  );
}

function Billed({ billed }: { billed: boolean }) {
  const { t } = useTranslation();
  return (
    <Typography variant="body2">
      {t('errorPanel.billed', { value: billed ? t('errorPanel.yes') : t('errorPanel.no') })}
    </Typography>
  );
}

/**
 * A test result's error, explained from the status catalogue the gateway answers from: its type,
 * the cause(s), whether it is billed, what to do, and what this trigger's settings add. Renders
 * nothing for a result that is not an error.
 */
export function ErrorExplanation({ result, onShowLogs, ...settings }: ErrorExplanationProps) {
  const { t } = useTranslation();
  const code = result.errorCode ?? result.errorType;
  const rows = explainStatus(result.status, code);
  const first = rows[0];
  if (!first) return null;
  const matched = rows.length === 1 && first.code === code;
  const billedOnce = rows.every((row) => row.billed === first.billed);
  const said = gatewayMessage(result);
  // The cause row already says the gateway's sentence when it is the catalogue's own: not twice.
  const message =
    said !== undefined && matched && said === t(`errorPanel.catalogue.${first.code}.cause`) ? undefined : said;

  return (
    <Alert
      severity={first.type === 'requestError' ? 'warning' : 'error'}
      sx={{ '& .MuiAlert-message': { width: '100%' } }}
    >
      <AlertTitle>
        {t('errorPanel.title', { status: result.status, type: t(`errorPanel.types.${first.type}`) })}
      </AlertTitle>
      {code ? (
        <Typography variant="body2" color="text.secondary">
          {t('errorPanel.code', { code })}
          {result.requestId ? ` · ${t('errorPanel.requestId', { requestId: result.requestId })}` : ''}
        </Typography>
      ) : (
        <Typography variant="body2">{t('errorPanel.noCode')}</Typography>
      )}
      {message ? <Typography variant="body2">{t('errorPanel.message', { message })}</Typography> : null}
      {!matched ? (
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {t('errorPanel.possibleCauses')}
        </Typography>
      ) : null}
      {rows.map((row) => (
        <Row
          key={row.code}
          row={row}
          showBilled={!billedOnce}
          details={matched ? { result, ...settings } : undefined}
        />
      ))}
      {first.type === 'functionError' ? (
        <Typography variant="body2" component="div" sx={{ mt: 1 }}>
          {t('errorPanel.logs.hint')}{' '}
          {onShowLogs ? (
            <Button size="small" variant="outlined" onClick={onShowLogs}>
              {t('errorPanel.logs.show')}
            </Button>
          ) : null}
        </Typography>
      ) : null}
      {billedOnce ? (
        <Box sx={{ mt: 1 }}>
          <Billed billed={first.billed} />
        </Box>
      ) : null}
      <Box sx={{ mt: 1 }}>
        <StatusReference />
      </Box>
    </Alert>
  );
}
