import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HTTP_METHODS, type Trigger } from '../../../contract/trigger';
import { useValidationText } from '../../i18n/use-validation-text';
import { BodyField } from './body-field';
import { CredentialField } from './credential-field';
import { KeyValueRows } from './key-value-rows';
import type { TestParamsForm } from './test-params-form';

/**
 * The HTTP request sent to the trigger's endpoint. The trigger's methods come first; the others stay
 * selectable under their own heading, so a user can see how the gateway refuses them (403).
 */
export function HttpRequestFields({ trigger }: { trigger: Trigger }) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState } = useFormContext<TestParamsForm>();
  const allowed = trigger.triggerConfig.methods;
  const refused = HTTP_METHODS.filter((method) => !allowed.includes(method));
  const pathError = formState.errors.http?.path?.message;

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1}>
        <Controller
          control={control}
          name="http.method"
          render={({ field }) => (
            <TextField
              select
              label={t('invocations.configure.method')}
              value={field.value}
              onChange={(event) => field.onChange(event.target.value)}
              helperText={allowed.includes(field.value) ? undefined : t('invocations.configure.methodRefused')}
              sx={{ width: 180 }}
            >
              <ListSubheader>{t('invocations.configure.methodsAllowed')}</ListSubheader>
              {allowed.map((method) => (
                <MenuItem key={method} value={method}>
                  {method}
                </MenuItem>
              ))}
              {refused.length > 0 ? <ListSubheader>{t('invocations.configure.methodsRefused')}</ListSubheader> : null}
              {refused.map((method) => (
                <MenuItem key={method} value={method}>
                  {method}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
        <TextField
          label={t('invocations.configure.path')}
          {...register('http.path')}
          error={Boolean(pathError)}
          helperText={text(pathError)}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
      </Stack>
      <Controller
        control={control}
        name="endpoint"
        render={({ field }) => (
          <TextField select label={t('invocations.configure.endpoint')} {...field}>
            <MenuItem value="internet">{t('invocations.configure.internet')}</MenuItem>
            <MenuItem value="intranet">{t('invocations.configure.intranet')}</MenuItem>
          </TextField>
        )}
      />
      <CredentialField trigger={trigger} />
      <KeyValueRows
        name="http.query"
        title={t('invocations.configure.query')}
        keyLabel={t('invocations.configure.parameter')}
      />
      <KeyValueRows
        name="http.headers"
        title={t('invocations.configure.headers')}
        keyLabel={t('invocations.configure.header')}
      />
      <BodyField />
    </Stack>
  );
}
