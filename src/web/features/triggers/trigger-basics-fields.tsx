import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LATEST } from '../../../contract/names';
import { useValidationText } from '../../i18n/use-validation-text';
import { MethodsField } from './methods-field';
import type { TakenQualifiers } from './taken-qualifiers';
import type { TriggerFormValues } from './trigger-form-values';

export type QualifierChoices = { versions: string[]; aliases: Array<{ aliasName: string; versionId: string }> };

type Props = { editing: boolean; choices: QualifierChoices; taken: TakenQualifiers };

/** Trigger Type, Name, Version or Alias, Request Method and Disable Internet URL, as the seed lists them. */
export function TriggerBasicsFields({ editing, choices, taken }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState, getValues } = useFormContext<TriggerFormValues>();
  const nameError = formState.errors.triggerName?.message;
  const isKnown = (q: string) =>
    q === LATEST || choices.versions.includes(q) || choices.aliases.some((a) => a.aliasName === q);
  // One HTTP trigger per version or alias: a taken one is shown, not offered, with the trigger on it.
  const option = (value: string, label: string) => {
    const holder = taken.get(value);
    return (
      <MenuItem key={value} value={value} disabled={holder !== undefined}>
        {holder ? t('triggers.fields.qualifierTakenOption', { label, name: holder }) : label}
      </MenuItem>
    );
  };
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
          <TextField
            {...field}
            select
            label={t('triggers.fields.qualifier')}
            error={Boolean(fieldState.error)}
            helperText={
              text(fieldState.error?.message) ??
              (taken.has(field.value)
                ? t('triggers.fields.qualifierTaken', { qualifier: field.value, name: taken.get(field.value) })
                : t('triggers.fields.qualifierHelp'))
            }
          >
            {option(LATEST, 'LATEST')}
            {isKnown(field.value) ? null : <MenuItem value={field.value}>{field.value}</MenuItem>}
            {choices.versions.length > 0 ? <ListSubheader>{t('triggers.fields.versions')}</ListSubheader> : null}
            {choices.versions.map((id) => option(id, t('triggers.fields.versionOption', { id })))}
            {choices.aliases.length > 0 ? <ListSubheader>{t('triggers.fields.aliases')}</ListSubheader> : null}
            {choices.aliases.map((a) =>
              option(a.aliasName, t('triggers.fields.aliasOption', { name: a.aliasName, id: a.versionId })),
            )}
          </TextField>
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
