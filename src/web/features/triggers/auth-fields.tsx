import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AUTH_TYPES } from '../../../contract/trigger';
import { useValidationText } from '../../i18n/use-validation-text';
import { CredentialRows } from './credential-rows';
import { JwtAuthFields } from './jwt-auth-fields';
import type { TriggerFormValues } from './trigger-form-values';

/** Authentication Method and the fields the chosen method needs. */
export function AuthFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control } = useFormContext<TriggerFormValues>();
  const authType = useWatch({ control, name: 'triggerConfig.authType' });
  return (
    <>
      <Controller
        control={control}
        name="triggerConfig.authType"
        render={({ field, fieldState }) => (
          <TextField
            {...field}
            select
            required
            label={t('triggers.fields.authType')}
            error={Boolean(fieldState.error)}
            helperText={text(fieldState.error?.message) ?? t(`triggers.auth.${authType}.help`)}
          >
            {AUTH_TYPES.map((type) => (
              <MenuItem key={type} value={type}>
                {t(`triggers.auth.${type}.label`)}
              </MenuItem>
            ))}
          </TextField>
        )}
      />
      {authType === 'anonymous' ? <Alert severity="warning">{t('triggers.auth.anonymous.warning')}</Alert> : null}
      {authType === 'jwt' ? <JwtAuthFields /> : null}
      {authType === 'basic' || authType === 'bearer' ? (
        <CredentialRows key={authType} kind={authType} editing={editing} />
      ) : null}
    </>
  );
}
