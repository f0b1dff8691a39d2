import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DOMAIN_PROTOCOLS } from '../../../contract/custom-domain';
import { useValidationText } from '../../i18n/use-validation-text';
import type { CustomDomainFormValues } from './custom-domain-form-values';

/** Domain Name (fixed once created) and Protocol. */
export function DomainBasicsFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState, getValues } = useFormContext<CustomDomainFormValues>();
  const nameError = formState.errors.domainName?.message;
  const certError = formState.errors.certConfig?.message;
  return (
    <>
      {editing ? (
        <TextField label={t('customDomains.form.domainName')} value={getValues('domainName')} disabled />
      ) : (
        <TextField
          {...register('domainName')}
          label={t('customDomains.form.domainName')}
          required
          placeholder="api.example.localhost"
          error={Boolean(nameError)}
          helperText={text(nameError) ?? t('customDomains.form.domainNameHelp')}
        />
      )}
      <Controller
        control={control}
        name="protocol"
        render={({ field, fieldState }) => (
          <TextField
            {...field}
            select
            label={t('customDomains.form.protocol')}
            // HTTPS without a certificate is refused at certConfig, which this panel does not edit.
            error={Boolean(fieldState.error ?? certError)}
            helperText={text(fieldState.error?.message ?? certError)}
          >
            {DOMAIN_PROTOCOLS.map((protocol) => (
              <MenuItem key={protocol} value={protocol}>
                {protocol}
              </MenuItem>
            ))}
          </TextField>
        )}
      />
    </>
  );
}
