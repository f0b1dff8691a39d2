import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useValidationText } from '../../i18n/use-validation-text';
import { emptyRoute, type CustomDomainFormValues } from './custom-domain-form-values';
import { RouteRow } from './route-row';

/** The routes table: one row per path pattern, each sent to a function's version or alias. */
export function RoutesField({ functionNames }: { functionNames: string[] }) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, formState } = useFormContext<CustomDomainFormValues>();
  const routes = useFieldArray({ control, name: 'routeConfig.routes' });
  const tableError = formState.errors.routeConfig?.routes;
  const tableMessage = tableError?.root?.message ?? tableError?.message;
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1" component="h3" id="domain-routes-title">
        {t('customDomains.form.routes')}
      </Typography>
      <FormHelperText sx={{ mt: 0 }}>{t('customDomains.form.routesHelp')}</FormHelperText>
      {functionNames.length === 0 ? <Alert severity="info">{t('customDomains.form.noFunctions')}</Alert> : null}
      <Table size="small" aria-labelledby="domain-routes-title">
        <TableHead>
          <TableRow>
            <TableCell>{t('customDomains.form.path')}</TableCell>
            <TableCell>{t('customDomains.form.function')}</TableCell>
            <TableCell>{t('customDomains.form.qualifier')}</TableCell>
            <TableCell>{t('customDomains.form.methods')}</TableCell>
            <TableCell>{t('common.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {routes.fields.map((field, index) => (
            <RouteRow
              key={field.id}
              index={index}
              functionNames={functionNames}
              onRemove={routes.fields.length > 1 ? () => routes.remove(index) : undefined}
            />
          ))}
        </TableBody>
      </Table>
      {tableMessage ? <FormHelperText error>{text(tableMessage)}</FormHelperText> : null}
      <div>
        <Button
          startIcon={<AddIcon />}
          onClick={() =>
            routes.append(emptyRoute(functionNames[0], ''), {
              focusName: `routeConfig.routes.${routes.fields.length}.path`,
            })
          }
        >
          {t('customDomains.form.addRoute')}
        </Button>
      </div>
    </Stack>
  );
}
