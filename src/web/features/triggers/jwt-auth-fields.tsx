import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { KeptJwkSecrets } from './kept-jwk-secrets';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useValidationText } from '../../i18n/use-validation-text';
import { ListInput } from './list-input';
import type { TriggerFormValues } from './trigger-form-values';

export function JwtAuthFields() {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState } = useFormContext<TriggerFormValues>();
  const pathMode = useWatch({ control, name: 'jwtPathMode' });
  const errors = formState.errors.triggerConfig?.authConfig;
  const jwksError = errors?.jwks?.message;
  return (
    <>
      <TextField
        {...register('triggerConfig.authConfig.jwks')}
        label={t('triggers.jwt.jwks')}
        required
        multiline
        minRows={4}
        placeholder='{"keys": [{"kty": "RSA", "e": "AQAB", "n": "..."}]}'
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        error={Boolean(jwksError)}
        helperText={text(jwksError) ?? t('triggers.jwt.jwksHelp')}
      />
      <KeptJwkSecrets />
      <TextField
        {...register('triggerConfig.authConfig.tokenLookup')}
        label={t('triggers.jwt.tokenLookup')}
        required
        error={Boolean(errors?.tokenLookup)}
        helperText={text(errors?.tokenLookup?.message) ?? t('triggers.jwt.tokenLookupHelp')}
      />
      <TextField
        {...register('triggerConfig.authConfig.claimPassBy')}
        label={t('triggers.jwt.claimPassBy')}
        placeholder="header:uid:x-uid"
        error={Boolean(errors?.claimPassBy)}
        helperText={text(errors?.claimPassBy?.message) ?? t('triggers.jwt.claimPassByHelp')}
      />
      <Controller
        control={control}
        name="jwtPathMode"
        render={({ field }) => (
          <FormControl>
            <FormLabel id="jwt-path-mode">{t('triggers.jwt.pathMode')}</FormLabel>
            <RadioGroup {...field} row aria-labelledby="jwt-path-mode">
              <FormControlLabel value="whitelist" control={<Radio />} label={t('triggers.jwt.whitelist')} />
              <FormControlLabel value="blacklist" control={<Radio />} label={t('triggers.jwt.blacklist')} />
            </RadioGroup>
          </FormControl>
        )}
      />
      <ListInput
        key={pathMode}
        name={pathMode === 'whitelist' ? 'triggerConfig.authConfig.whitelist' : 'triggerConfig.authConfig.blacklist'}
        label={t('triggers.jwt.paths')}
        placeholder="/login"
        helperText={t(pathMode === 'whitelist' ? 'triggers.jwt.whitelistHelp' : 'triggers.jwt.blacklistHelp')}
      />
    </>
  );
}
