import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GATEWAY_ERRORS, type ErrorType, type GatewayErrorCode } from '../../../../contract/status-catalogue';

/** The seed's table order: request errors, user throttling, function errors, system errors, system throttling. */
const TYPE_ORDER: ErrorType[] = ['requestError', 'userThrottling', 'functionError', 'systemError', 'systemThrottling'];

const rows = (Object.keys(GATEWAY_ERRORS) as GatewayErrorCode[])
  .map((code) => ({ code, ...GATEWAY_ERRORS[code] }))
  .sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.status - b.status);

/** "Status code reference": the whole catalogue one click away, as the seed's Troubleshoot errors table. */
export function StatusReference() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('errorPanel.reference.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="lg" fullWidth aria-labelledby={titleId}>
        <DialogTitle id={titleId}>{t('errorPanel.reference.title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('errorPanel.reference.intro')}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                {(['type', 'status', 'code', 'cause', 'billed', 'action'] as const).map((column) => (
                  <TableCell key={column}>{t(`errorPanel.reference.columns.${column}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.code}>
                  <TableCell>{t(`errorPanel.types.${row.type}`)}</TableCell>
                  <TableCell>{row.status}</TableCell>
                  <TableCell>
                    <code>{row.code}</code>
                  </TableCell>
                  <TableCell>{t(`errorPanel.catalogue.${row.code}.cause`)}</TableCell>
                  <TableCell>{row.billed ? t('errorPanel.yes') : t('errorPanel.no')}</TableCell>
                  <TableCell>{t(`errorPanel.catalogue.${row.code}.action`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('common.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
