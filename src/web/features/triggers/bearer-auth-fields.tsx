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
import { randomToken } from './random-token';
import { SecretField } from './secret-field';
import type { TriggerFormValues } from './trigger-form-values';

const MAX_TOKENS = 20;

export function BearerAuthFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState, setValue } = useFormContext<TriggerFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'triggerConfig.authConfig.tokens' });
  const errors = formState.errors.triggerConfig?.authConfig?.tokens;
  const listError = errors?.root?.message ?? errors?.message;
  return (
    <Stack spacing={1.5} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle2">
        {t('triggers.bearer.tokens')}
      </Typography>
      {fields.map((row, index) => {
        const n = index + 1;
        const rowErrors = errors?.[index];
        const keepHint = editing && row.stored ? t('triggers.bearer.keepToken') : undefined;
        return (
          <Stack key={row.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              {...register(`triggerConfig.authConfig.tokens.${index}.name`)}
              label={t('triggers.bearer.name', { n })}
              required
              autoComplete="off"
              sx={{ minWidth: 140 }}
              error={Boolean(rowErrors?.name)}
              helperText={text(rowErrors?.name?.message)}
            />
            <SecretField
              {...register(`triggerConfig.authConfig.tokens.${index}.token`)}
              secretName={t('triggers.bearer.token', { n })}
              label={t('triggers.bearer.token', { n })}
              required={!keepHint}
              fullWidth
              error={Boolean(rowErrors?.token)}
              helperText={text(rowErrors?.token?.message) ?? keepHint}
            />
            <Button
              sx={{ mt: 1, flexShrink: 0 }}
              onClick={() =>
                setValue(`triggerConfig.authConfig.tokens.${index}.token`, randomToken(), {
                  shouldDirty: true,
                  shouldTouch: true,
                  shouldValidate: true,
                })
              }
              aria-label={t('triggers.bearer.generateFor', { n })}
            >
              {t('triggers.bearer.generate')}
            </Button>
            <IconButton
              aria-label={t('triggers.bearer.remove', { n })}
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
          onClick={() => append({ name: '', token: '', stored: false })}
          disabled={fields.length >= MAX_TOKENS}
        >
          {t('triggers.bearer.add')}
        </Button>
      </div>
    </Stack>
  );
}
