import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isJson } from '../../../contract/invocation';
import { useValidationText } from '../../i18n/use-validation-text';
import type { TestParamsForm } from './test-params-form';

/** The request body as text or JSON; JSON is checked as it is typed. */
export function BodyField() {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState, trigger } = useFormContext<TestParamsForm>();
  const [bodyType, body] = useWatch({ control, name: ['http.bodyType', 'http.body'] });
  const error = formState.errors.http?.body?.message;
  const valid = bodyType === 'json' && body.trim() !== '' && isJson(body);

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2">{t('invocations.configure.body')}</Typography>
        <Controller
          control={control}
          name="http.bodyType"
          render={({ field }) => (
            <ToggleButtonGroup
              size="small"
              exclusive
              value={field.value}
              aria-label={t('invocations.configure.bodyType')}
              onChange={(_, value: 'text' | 'json' | null) => {
                if (!value) return;
                field.onChange(value);
                void trigger('http.body');
              }}
            >
              <ToggleButton value="text">{t('invocations.configure.text')}</ToggleButton>
              <ToggleButton value="json">{t('invocations.configure.json')}</ToggleButton>
            </ToggleButtonGroup>
          )}
        />
      </Stack>
      <TextField
        label={t('invocations.configure.body')}
        multiline
        minRows={4}
        maxRows={16}
        {...register('http.body', { onChange: () => bodyType === 'json' && void trigger('http.body') })}
        error={Boolean(error)}
        helperText={error ? text(error) : valid ? t('invocations.configure.jsonValid') : undefined}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
      />
    </Stack>
  );
}
