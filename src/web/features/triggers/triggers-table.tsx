import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Trigger } from '../../../contract/trigger';
import { ActionsTable } from '../../components/actions-table';
import { TruncatedText } from '../../components/truncated-text';
import { TriggerEndpoints } from './trigger-endpoints';

/** Type and Version give way on a phone, so that the name, endpoints and Modify/Delete keep their place. */
const wideOnly = { display: { xs: 'none', md: 'table-cell' } } as const;

type Props = { triggers: Trigger[]; onModify: (trigger: Trigger) => void; onDelete: (trigger: Trigger) => void };

function TriggerSettings({ trigger }: { trigger: Trigger }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1}>
      <div>
        <Typography variant="caption" color="text.secondary" component="div">
          {t('triggers.fields.methods')}
        </Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
          {trigger.triggerConfig.methods.map((m) => (
            <Chip key={m} label={m} size="small" variant="outlined" />
          ))}
        </Stack>
      </div>
      <div>
        <Typography variant="caption" color="text.secondary" component="div">
          {t('triggers.fields.authType')}
        </Typography>
        <Typography variant="body2">{t(`triggers.auth.${trigger.triggerConfig.authType}.label`)}</Typography>
      </div>
      <TriggerEndpoints trigger={trigger} />
    </Stack>
  );
}

export function TriggersTable({ triggers, onModify, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <ActionsTable
      label={t('triggers.title')}
      rows={triggers}
      rowKey={(trigger) => trigger.triggerName}
      rowSx={{ verticalAlign: 'top' }}
      columns={[
        {
          header: t('triggers.columns.name'),
          cell: (trigger) => (
            <TruncatedText text={trigger.triggerName} variant="body2" maxWidth={{ xs: '28vw', md: 200, lg: 280 }} />
          ),
        },
        {
          header: t('triggers.columns.type'),
          cell: (trigger) => t(`triggers.type.${trigger.triggerType}`, { defaultValue: trigger.triggerType }),
          sx: wideOnly,
        },
        { header: t('triggers.columns.qualifier'), cell: (trigger) => trigger.qualifier, sx: wideOnly },
        {
          header: t('triggers.columns.configurations'),
          cell: (trigger) => <TriggerSettings trigger={trigger} />,
          sx: { minWidth: { xs: 0, md: 280 } },
        },
      ]}
      actions={[
        {
          label: t('triggers.modify.label'),
          name: (trigger) => t('triggers.modify.action', { name: trigger.triggerName }),
          onClick: onModify,
        },
        {
          label: t('common.delete'),
          name: (trigger) => t('triggers.delete.action', { name: trigger.triggerName }),
          onClick: onDelete,
          danger: true,
        },
      ]}
    />
  );
}
