import TextField from '@mui/material/TextField';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isJson } from '../../../contract/invocation';
import type { TestParamsForm } from './test-params-form';

/** InvokeFunction's event: any text; the console says whether it is JSON. */
export function EventPayloadField() {
  const { t } = useTranslation();
  const { control, register } = useFormContext<TestParamsForm>();
  const event = useWatch({ control, name: 'event' });
  const help =
    event.trim() === ''
      ? undefined
      : isJson(event)
        ? t('invocations.configure.jsonValid')
        : t('invocations.configure.eventNotJson');
  return (
    <TextField
      label={t('invocations.configure.event')}
      multiline
      minRows={8}
      maxRows={24}
      {...register('event')}
      helperText={help}
      slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
    />
  );
}
