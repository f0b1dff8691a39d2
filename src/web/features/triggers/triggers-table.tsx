import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Trigger } from '../../../contract/trigger';
import { TriggerEndpoints } from './trigger-endpoints';

type Props = { triggers: Trigger[]; onModify: (trigger: Trigger) => void; onDelete: (trigger: Trigger) => void };

export function TriggersTable({ triggers, onModify, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t('triggers.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('triggers.columns.name')}</TableCell>
          <TableCell>{t('triggers.columns.type')}</TableCell>
          <TableCell>{t('triggers.columns.qualifier')}</TableCell>
          <TableCell>{t('triggers.columns.configurations')}</TableCell>
          <TableCell>{t('common.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {triggers.map((trigger) => (
          <TableRow key={trigger.triggerName} sx={{ verticalAlign: 'top' }}>
            <TableCell>{trigger.triggerName}</TableCell>
            <TableCell>{t(`triggers.type.${trigger.triggerType}`, { defaultValue: trigger.triggerType })}</TableCell>
            <TableCell>{trigger.qualifier}</TableCell>
            <TableCell>
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
            </TableCell>
            <TableCell>
              <Stack direction="row" spacing={0.5}>
                <Button
                  size="small"
                  onClick={() => onModify(trigger)}
                  aria-label={t('triggers.modify.action', { name: trigger.triggerName })}
                >
                  {t('triggers.modify.label')}
                </Button>
                <Button
                  size="small"
                  color="error"
                  onClick={() => onDelete(trigger)}
                  aria-label={t('triggers.delete.action', { name: trigger.triggerName })}
                >
                  {t('common.delete')}
                </Button>
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
