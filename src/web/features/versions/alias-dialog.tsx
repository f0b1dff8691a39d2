import { zodResolver } from '@hookform/resolvers/zod';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FunctionAlias } from '../../../contract/function';
import { FormDialog } from '../../components/form-dialog';
import { QualifierAutocomplete } from '../../components/qualifier-autocomplete';
import { useFormDialog } from '../../components/use-form-dialog';
import { useValidationText } from '../../i18n/use-validation-text';
import type { QualifierChoices } from '../../lib/qualifier-queries';
import { aliasFormSchema, aliasFormValues, aliasInput, type AliasFormValues } from './alias-form-values';
import { createAlias, updateAlias, versionQueries } from './queries';

type Props = {
  functionName: string;
  /** The function's versions loaded so far (newest first), and the way to the rest. */
  versions: QualifierChoices;
  /** The alias to edit; a new one is created without it. */
  alias?: FunctionAlias;
  open: boolean;
  onClose: () => void;
};

/** Create Alias and Modify Alias: the main version, and optionally a canary version with its share of the traffic. */
export function AliasDialog({ functionName, versions, alias, open, onClose }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const queryClient = useQueryClient();
  const form = useForm<AliasFormValues>({
    resolver: zodResolver(aliasFormSchema),
    mode: 'onTouched',
    values: aliasFormValues(alias, versions.versions[0] ?? ''),
    resetOptions: { keepDirtyValues: true },
  });
  const dialog = useFormDialog(form, {
    send: (values) => {
      const input = aliasInput(values);
      if (!alias) return createAlias(functionName, input);
      const { aliasName, ...update } = input;
      return updateAlias(functionName, aliasName, update);
    },
    onSent: () => queryClient.invalidateQueries({ queryKey: versionQueries.allAliases(functionName) }),
    onClose,
  });
  const mode = alias ? 'modify' : 'create';
  const canary = useWatch({ control: form.control, name: 'canaryVersionId' });
  const { errors } = form.formState;

  const versionSelect = (name: 'versionId' | 'canaryVersionId', label: string, none?: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <QualifierAutocomplete
          options={[
            ...(none ? [{ value: '', label: none }] : []),
            ...versions.versions.map((id) => ({ value: id, label: id })),
          ]}
          paging={versions}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          textField={{
            label,
            required: !none,
            name: field.name,
            inputRef: field.ref,
            error: Boolean(fieldState.error),
            helperText: text(fieldState.error?.message) ?? (none ? t('aliases.fields.canaryHelp') : undefined),
          }}
        />
      )}
    />
  );

  return (
    <FormDialog open={open} title={t(`aliases.${mode}.title`)} errorTitle={t(`aliases.${mode}.failed`)} {...dialog}>
      <TextField
        {...form.register('aliasName')}
        label={t('aliases.fields.name')}
        required
        autoFocus={!alias}
        disabled={Boolean(alias)}
        error={Boolean(errors.aliasName)}
        helperText={text(errors.aliasName?.message)}
      />
      {versionSelect('versionId', t('aliases.fields.version'))}
      {versionSelect('canaryVersionId', t('aliases.fields.canary'), t('aliases.fields.noCanary'))}
      {canary && (
        <TextField
          {...form.register('canaryPercent', { valueAsNumber: true })}
          type="number"
          label={t('aliases.fields.canaryWeight')}
          slotProps={{
            htmlInput: { min: 0, max: 100, step: 'any' },
            input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
          }}
          error={Boolean(errors.canaryPercent)}
          helperText={text(errors.canaryPercent?.message) ?? t('aliases.fields.canaryWeightHelp')}
        />
      )}
      <TextField
        {...form.register('description')}
        label={t('aliases.fields.description')}
        error={Boolean(errors.description)}
        helperText={text(errors.description?.message)}
      />
    </FormDialog>
  );
}
