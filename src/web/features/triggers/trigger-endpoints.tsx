import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trigger } from '../../../contract/trigger';
import { CopyButton } from '../../components/copy-button';

/** A URL that wraps after a `/` or `.` (a long name still breaks inside, as a last resort). */
function BreakableUrl({ url }: { url: string }) {
  return url.split(/(?<=[/.])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

function Endpoint({
  label,
  copyLabel,
  url,
  disabled,
  note,
}: {
  label: string;
  copyLabel: string;
  url: string;
  disabled?: boolean;
  note?: string;
}) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <Typography
          variant="body2"
          component="code"
          aria-disabled={disabled || undefined}
          sx={{
            minWidth: 0,
            overflowWrap: 'anywhere',
            color: disabled ? 'text.disabled' : 'text.primary',
            textDecoration: disabled ? 'line-through' : 'none',
          }}
        >
          <BreakableUrl url={url} />
        </Typography>
        <CopyButton text={url} label={copyLabel} disabled={disabled} />
      </Box>
      {note ? (
        <Typography variant="caption" color="text.secondary" component="div">
          {note}
        </Typography>
      ) : null}
    </Box>
  );
}

/** The Public and Internal endpoints of an HTTP trigger, each with its copy button. */
export function TriggerEndpoints({ trigger }: { trigger: Trigger }) {
  const { t } = useTranslation();
  const disabled = trigger.triggerConfig.disableURLInternet === true;
  return (
    <>
      <Endpoint
        label={t('triggers.endpoints.public')}
        copyLabel={t('triggers.endpoints.copyPublic')}
        url={trigger.httpTrigger.urlInternet}
        disabled={disabled}
        note={disabled ? t('triggers.endpoints.publicDisabled') : undefined}
      />
      <Endpoint
        label={t('triggers.endpoints.internal')}
        copyLabel={t('triggers.endpoints.copyInternal')}
        url={trigger.httpTrigger.urlIntranet}
      />
    </>
  );
}
