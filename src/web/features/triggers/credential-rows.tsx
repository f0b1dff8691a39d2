import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { get, useFieldArray, useFormContext, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useValidationText } from '../../i18n/use-validation-text';
import { randomToken } from './random-token';
import { SecretField } from './secret-field';
import type { TriggerFormValues } from './trigger-form-values';

const MAX_ROWS = 20;

/** Basic's users and Bearer's tokens: rows of a name and a secret, with their own words. */
const CREDENTIALS = {
  basic: {
    list: 'triggerConfig.authConfig.users',
    namePath: (i: number) => `triggerConfig.authConfig.users.${i}.username` as const,
    secretPath: (i: number) => `triggerConfig.authConfig.users.${i}.password` as const,
    blank: { username: '', password: '', stored: false },
    nameField: { fullWidth: true },
    text: {
      legend: 'triggers.basic.users',
      name: 'triggers.basic.username',
      secret: 'triggers.basic.password',
      keep: 'triggers.basic.keepPassword',
      add: 'triggers.basic.add',
      remove: 'triggers.basic.remove',
      nameRules: 'triggers.basic.usernameRules',
      secretRules: 'triggers.basic.passwordRules',
    },
  },
  bearer: {
    list: 'triggerConfig.authConfig.tokens',
    namePath: (i: number) => `triggerConfig.authConfig.tokens.${i}.name` as const,
    secretPath: (i: number) => `triggerConfig.authConfig.tokens.${i}.token` as const,
    blank: { name: '', token: '', stored: false },
    nameField: { sx: { minWidth: 140 } },
    text: {
      legend: 'triggers.bearer.tokens',
      name: 'triggers.bearer.name',
      secret: 'triggers.bearer.token',
      keep: 'triggers.bearer.keepToken',
      add: 'triggers.bearer.add',
      remove: 'triggers.bearer.remove',
      nameRules: undefined,
      secretRules: undefined,
    },
  },
} as const;

type Props = {
  kind: keyof typeof CREDENTIALS;
  /** Editing a trigger: a stored row's blank secret keeps the stored one. */
  editing: boolean;
};

/** A Basic or Bearer trigger's credentials: 1 to 20 rows; Bearer can generate a token. */
export function CredentialRows({ kind, editing }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState, setValue } = useFormContext<TriggerFormValues>();
  const config = CREDENTIALS[kind];
  const words = config.text;
  const { fields, append, remove } = useFieldArray({ control, name: config.list });
  const errorAt = (path: string): FieldError | undefined => get(formState.errors, path);
  const listError = errorAt(`${config.list}.root`)?.message ?? errorAt(config.list)?.message;
  return (
    <Stack spacing={1.5} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle2">
        {t(words.legend)}
      </Typography>
      {fields.map((row, index) => {
        const n = index + 1;
        const nameError = errorAt(config.namePath(index))?.message;
        const secretError = errorAt(config.secretPath(index))?.message;
        const keepHint = editing && row.stored ? t(words.keep) : undefined;
        return (
          <Stack key={row.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              {...register(config.namePath(index))}
              {...config.nameField}
              label={t(words.name, { n })}
              required
              autoComplete="off"
              error={Boolean(nameError)}
              helperText={text(nameError) ?? (words.nameRules && t(words.nameRules))}
            />
            <SecretField
              {...register(config.secretPath(index))}
              secretName={t(words.secret, { n })}
              label={t(words.secret, { n })}
              required={!keepHint}
              fullWidth
              error={Boolean(secretError)}
              // The rules show before a failure, not only after one.
              helperText={
                text(secretError) ??
                ([keepHint, words.secretRules && t(words.secretRules)].filter(Boolean).join(' ') || undefined)
              }
            />
            {kind === 'bearer' ? (
              <Button
                sx={{ mt: 1, flexShrink: 0 }}
                onClick={() =>
                  setValue(config.secretPath(index), randomToken(), {
                    shouldDirty: true,
                    shouldTouch: true,
                    shouldValidate: true,
                  })
                }
                aria-label={t('triggers.bearer.generateFor', { n })}
              >
                {t('triggers.bearer.generate')}
              </Button>
            ) : null}
            <IconButton
              aria-label={t(words.remove, { n })}
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
        <Button startIcon={<AddIcon />} onClick={() => append(config.blank)} disabled={fields.length >= MAX_ROWS}>
          {t(words.add)}
        </Button>
      </div>
    </Stack>
  );
}
