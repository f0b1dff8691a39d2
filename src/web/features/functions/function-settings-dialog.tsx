import { zodResolver } from '@hookform/resolvers/zod';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FcFunction } from '../../../contract/function';
import { FormDialog } from '../../components/form-dialog';
import { useFormDialog } from '../../components/use-form-dialog';
import { useValidationText } from '../../i18n/use-validation-text';
import { functionQueries } from './queries';
import {
  settingsFormSchema,
  settingsFormValues,
  updateFunctionSettings,
  type SettingsFormValues,
} from './settings-form-values';

type Props = { fn: FcFunction; open: boolean; onClose: () => void };

/** Modify Configuration: memory, timeout, instance concurrency and environment variables, as UpdateFunction takes them. */
export function FunctionSettingsDialog({ fn, open, onClose }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const queryClient = useQueryClient();
  const form = useForm<SettingsFormValues>({
    resolver: zodResolver(settingsFormSchema),
    mode: 'onTouched',
    values: settingsFormValues(fn),
    resetOptions: { keepDirtyValues: true },
  });
  const env = useFieldArray({ control: form.control, name: 'env' });
  const dialog = useFormDialog(form, {
    send: (values) => updateFunctionSettings(fn.functionName, values),
    onSent: () => queryClient.invalidateQueries({ queryKey: functionQueries.all() }),
    onClose,
  });
  const { errors } = form.formState;
  const number = (name: 'memorySize' | 'timeout' | 'instanceConcurrency', unit?: string) => (
    <TextField
      {...form.register(name, { valueAsNumber: true })}
      type="number"
      label={t(`functions.settings.${name}`)}
      required
      error={Boolean(errors[name])}
      helperText={text(errors[name]?.message) ?? t(`functions.settings.${name}Help`)}
      slotProps={unit ? { input: { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } } : {}}
    />
  );

  return (
    <FormDialog
      open={open}
      title={t('functions.settings.title')}
      errorTitle={t('functions.settings.failed')}
      maxWidth="md"
      {...dialog}
    >
      {number('memorySize', 'MB')}
      {number('timeout', t('functions.settings.secondsUnit'))}
      {number('instanceConcurrency')}
      <Typography component="h3" variant="subtitle2" id="env-heading">
        {t('functions.config.env')}
      </Typography>
      {env.fields.map((row, i) => (
        <Stack key={row.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems="flex-start">
          <TextField
            {...form.register(`env.${i}.key`)}
            label={t('functions.settings.envKey')}
            size="small"
            sx={{ flex: 1 }}
            error={Boolean(errors.env?.[i]?.key)}
            helperText={text(errors.env?.[i]?.key?.message)}
          />
          <TextField
            {...form.register(`env.${i}.value`)}
            label={t('functions.settings.envValue')}
            size="small"
            sx={{ flex: 2 }}
          />
          <IconButton
            onClick={() => env.remove(i)}
            aria-label={t('functions.settings.envRemove', { name: form.getValues(`env.${i}.key`) || i + 1 })}
          >
            <DeleteOutlineIcon />
          </IconButton>
        </Stack>
      ))}
      <div>
        <Button startIcon={<AddIcon />} onClick={() => env.append({ key: '', value: '' }, { shouldFocus: true })}>
          {t('functions.settings.envAdd')}
        </Button>
      </div>
    </FormDialog>
  );
}
