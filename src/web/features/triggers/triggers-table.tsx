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
import { TruncatedText } from '../../components/truncated-text';
import { TriggerEndpoints } from './trigger-endpoints';

/** Type and Version give way on a phone, so that the name, endpoints and Modify/Delete keep their place. */
const wideOnly = { display: { xs: 'none', md: 'table-cell' } } as const;

type Props = { triggers: Trigger[]; onModify: (trigger: Trigger) => void; onDelete: (trigger: Trigger) => void };

export function TriggersTable({ triggers, onModify, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t('triggers.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('triggers.columns.name')}</TableCell>
          <TableCell sx={wideOnly}>{t('triggers.columns.type')}</TableCell>
          <TableCell sx={wideOnly}>{t('triggers.columns.qualifier')}</TableCell>
          <TableCell>{t('triggers.columns.configurations')}</TableCell>
          <TableCell>{t('common.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {triggers.map((trigger) => (
          <TableRow key={trigger.triggerName} sx={{ verticalAlign: 'top' }}>
            <TableCell>
              <TruncatedText text={trigger.triggerName} variant="body2" maxWidth={{ xs: '28vw', md: 200, lg: 280 }} />
            </TableCell>
            <TableCell sx={wideOnly}>
              {t(`triggers.type.${trigger.triggerType}`, { defaultValue: trigger.triggerType })}
            </TableCell>
            <TableCell sx={wideOnly}>{trigger.qualifier}</TableCell>
            <TableCell sx={{ minWidth: { xs: 0, md: 280 } }}>
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
              <Stack direction={{ xs: 'column', lg: 'row' }} spacing={0.5}>
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
