import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LATEST } from '../../../contract/names';
import { QualifierAutocomplete, type QualifierOption } from '../../components/qualifier-autocomplete';
import { useValidationText } from '../../i18n/use-validation-text';
import type { QualifierChoices } from '../../lib/qualifier-queries';
import { MethodsField } from './methods-field';
import type { TakenQualifiers } from './taken-qualifiers';
import type { TriggerFormValues } from './trigger-form-values';

type Props = { editing: boolean; choices: QualifierChoices; taken: TakenQualifiers };

/** Trigger Type, Name, Version or Alias, Request Method and Disable Internet URL, as the seed lists them. */
export function TriggerBasicsFields({ editing, choices, taken }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState, getValues } = useFormContext<TriggerFormValues>();
  const nameError = formState.errors.triggerName?.message;
  // One HTTP trigger per version or alias: a taken one is shown, not offered, with the trigger on it.
  const option = (value: string, label: string, group?: string): QualifierOption => {
    const holder = taken.get(value);
    return {
      value,
      label: holder ? t('triggers.fields.qualifierTakenOption', { label, name: holder }) : label,
      disabled: holder !== undefined,
      ...(group ? { group } : {}),
    };
  };
  const options = [
    option(LATEST, LATEST),
    ...choices.versions.map((id) =>
      option(id, t('triggers.fields.versionOption', { id }), t('triggers.fields.versions')),
    ),
    ...choices.aliases.map((a) =>
      option(
        a.aliasName,
        t('triggers.fields.aliasOption', { name: a.aliasName, id: a.versionId }),
        t('triggers.fields.aliases'),
      ),
    ),
  ];
  return (
    <>
      <Controller
        control={control}
        name="triggerType"
        render={({ field }) => (
          <TextField {...field} select label={t('triggers.fields.type')} disabled={editing} required>
            <MenuItem value="http">{t('triggers.type.http')}</MenuItem>
          </TextField>
        )}
      />
      {editing ? (
        <TextField label={t('triggers.fields.name')} value={getValues('triggerName')} disabled />
      ) : (
        <TextField
          {...register('triggerName')}
          label={t('triggers.fields.name')}
          required
          placeholder="http-trigger"
          autoFocus
          error={Boolean(nameError)}
          helperText={text(nameError) ?? t('triggers.fields.nameHelp')}
        />
      )}
      <Controller
        control={control}
        name="qualifier"
        render={({ field, fieldState }) => (
          <QualifierAutocomplete
            options={options}
            paging={choices}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            textField={{
              label: t('triggers.fields.qualifier'),
              name: field.name,
              inputRef: field.ref,
              error: Boolean(fieldState.error),
              helperText:
                text(fieldState.error?.message) ??
                (taken.has(field.value)
                  ? t('triggers.fields.qualifierTaken', { qualifier: field.value, name: taken.get(field.value) })
                  : t('triggers.fields.qualifierHelp')),
            }}
          />
        )}
      />
      <MethodsField />
      <Controller
        control={control}
        name="triggerConfig.disableURLInternet"
        render={({ field }) => (
          <div>
            <FormControlLabel
              label={t('triggers.fields.disableInternet')}
              control={
                <Switch
                  checked={field.value}
                  onChange={(e) => field.onChange(e.target.checked)}
                  onBlur={field.onBlur}
                  slotProps={{ input: { 'aria-describedby': 'disable-internet-help' } }}
                />
              }
            />
            <FormHelperText id="disable-internet-help">{t('triggers.fields.disableInternetHelp')}</FormHelperText>
          </div>
        )}
      />
    </>
  );
}
