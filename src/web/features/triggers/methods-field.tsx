import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HTTP_METHODS } from '../../../contract/trigger';
import { useValidationText } from '../../i18n/use-validation-text';
import type { TriggerFormValues } from './trigger-form-values';

export function MethodsField() {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control } = useFormContext<TriggerFormValues>();
  return (
    <Controller
      control={control}
      name="triggerConfig.methods"
      render={({ field, fieldState }) => (
        <FormControl component="fieldset" error={Boolean(fieldState.error)} required>
          <FormLabel component="legend">{t('triggers.fields.methods')}</FormLabel>
          <FormGroup row>
            {HTTP_METHODS.map((method) => (
              <FormControlLabel
                key={method}
                label={method}
                control={
                  <Checkbox
                    checked={field.value.includes(method)}
                    onBlur={field.onBlur}
                    onChange={(event) =>
                      field.onChange(
                        event.target.checked
                          ? HTTP_METHODS.filter((m) => m === method || field.value.includes(m))
                          : field.value.filter((m) => m !== method),
                      )
                    }
                  />
                }
              />
            ))}
          </FormGroup>
          <FormHelperText>{text(fieldState.error?.message) ?? t('triggers.fields.methodsHelp')}</FormHelperText>
        </FormControl>
      )}
    />
  );
}
