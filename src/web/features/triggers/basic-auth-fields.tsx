import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useValidationText } from '../../i18n/use-validation-text';
import { SecretField } from './secret-field';
import type { TriggerFormValues } from './trigger-form-values';

const MAX_USERS = 20;

export function BasicAuthFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState } = useFormContext<TriggerFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'triggerConfig.authConfig.users' });
  const errors = formState.errors.triggerConfig?.authConfig?.users;
  const listError = errors?.root?.message ?? errors?.message;
  return (
    <Stack spacing={1.5} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle2">
        {t('triggers.basic.users')}
      </Typography>
      {fields.map((row, index) => {
        const n = index + 1;
        const rowErrors = errors?.[index];
        const keepHint = editing && row.stored ? t('triggers.basic.keepPassword') : undefined;
        return (
          <Stack key={row.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              {...register(`triggerConfig.authConfig.users.${index}.username`)}
              label={t('triggers.basic.username', { n })}
              required
              fullWidth
              autoComplete="off"
              error={Boolean(rowErrors?.username)}
              helperText={text(rowErrors?.username?.message)}
            />
            <SecretField
              {...register(`triggerConfig.authConfig.users.${index}.password`)}
              secretName={t('triggers.basic.password', { n })}
              label={t('triggers.basic.password', { n })}
              required={!keepHint}
              fullWidth
              error={Boolean(rowErrors?.password)}
              helperText={text(rowErrors?.password?.message) ?? keepHint}
            />
            <IconButton
              aria-label={t('triggers.basic.remove', { n })}
              onClick={() => remove(index)}
              disabled={fields.length === 1}
              sx={{ mt: 1 }}
            >
              <DeleteOutlineIcon />
            </IconButton>
          </Stack>
        );
      })}
      {listError ? <FormHelperText error>{text(listError)}</FormHelperText> : null}
      <div>
        <Button
          startIcon={<AddIcon />}
          onClick={() => append({ username: '', password: '', stored: false })}
          disabled={fields.length >= MAX_USERS}
        >
          {t('triggers.basic.add')}
        </Button>
      </div>
    </Stack>
  );
}
