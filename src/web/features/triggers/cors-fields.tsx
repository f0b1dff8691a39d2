import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CORS_DEFAULT_MAX_AGE, CORS_METHODS } from '../../../contract/cors-config';
import { useValidationText } from '../../i18n/use-validation-text';
import { ListInput } from './list-input';
import type { TriggerFormValues } from './trigger-form-values';

const ORIGINS = 'triggerConfig.corsConfig.allowOrigins';

export function CorsFields() {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState, trigger, getValues } = useFormContext<TriggerFormValues>();
  const mode = useWatch({ control, name: 'corsMode' });
  const maxAgeError = formState.errors.triggerConfig?.corsConfig?.maxAge?.message;
  return (
    <Stack spacing={2} component="section" aria-labelledby="cors-heading">
      <Controller
        control={control}
        name="corsMode"
        render={({ field }) => (
          <FormControl>
            <FormLabel id="cors-heading">{t('triggers.cors.title')}</FormLabel>
            <RadioGroup {...field} aria-labelledby="cors-heading">
              <FormControlLabel value="default" control={<Radio />} label={t('triggers.cors.default')} />
              <FormControlLabel value="api" control={<Radio />} label={t('triggers.cors.api')} />
            </RadioGroup>
            <FormHelperText>{t(mode === 'api' ? 'triggers.cors.apiHelp' : 'triggers.cors.defaultHelp')}</FormHelperText>
          </FormControl>
        )}
      />
      {mode === 'api' ? (
        <>
          <ListInput
            name={ORIGINS}
            label={t('triggers.cors.allowOrigins')}
            required
            placeholder="https://example.com"
            helperText={t('triggers.cors.allowOriginsHelp')}
          />
          <ListInput
            name="triggerConfig.corsConfig.allowMethods"
            label={t('triggers.cors.allowMethods')}
            suggestions={CORS_METHODS}
            placeholder="GET"
            helperText={t('triggers.cors.allowMethodsHelp')}
          />
          <ListInput
            name="triggerConfig.corsConfig.allowHeaders"
            label={t('triggers.cors.allowHeaders')}
            placeholder="Content-Type"
          />
          <ListInput
            name="triggerConfig.corsConfig.exposeHeaders"
            label={t('triggers.cors.exposeHeaders')}
            placeholder="X-Request-Id"
          />
          <Controller
            control={control}
            name="triggerConfig.corsConfig.allowCredentials"
            render={({ field }) => (
              <FormControlLabel
                label={t('triggers.cors.allowCredentials')}
                control={
                  <Switch
                    checked={field.value}
                    onBlur={field.onBlur}
                    onChange={(e) => {
                      field.onChange(e.target.checked);
                      // The rule "no * with credentials" is reported on Allowed Origins.
                      if (getValues(ORIGINS).length > 0) void trigger(ORIGINS);
                    }}
                  />
                }
              />
            )}
          />
          <TextField
            {...register('triggerConfig.corsConfig.maxAge')}
            label={t('triggers.cors.maxAge')}
            type="number"
            placeholder={String(CORS_DEFAULT_MAX_AGE)}
            slotProps={{ htmlInput: { min: 0, max: 86400, step: 1 }, inputLabel: { shrink: true } }}
            error={Boolean(maxAgeError)}
            helperText={text(maxAgeError) ?? t('triggers.cors.maxAgeHelp')}
          />
        </>
      ) : null}
    </Stack>
  );
}
