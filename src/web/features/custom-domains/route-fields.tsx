import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LATEST } from '../../../contract/names';
import { HTTP_METHODS, type HttpMethod } from '../../../contract/trigger';
import { QualifierAutocomplete, type QualifierOption } from '../../components/qualifier-autocomplete';
import { useValidationText } from '../../i18n/use-validation-text';
import { useQualifierChoices } from '../../lib/qualifier-queries';
import type { CustomDomainFormValues } from './custom-domain-form-values';

type FieldProps = { index: number };

/** The route's function, chosen among the account's functions; another function resets the qualifier. */
export function RouteFunctionField({ index, functionNames }: FieldProps & { functionNames: string[] }) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, setValue } = useFormContext<CustomDomainFormValues>();
  return (
    <Controller
      control={control}
      name={`routeConfig.routes.${index}.functionName`}
      render={({ field, fieldState }) => (
        <TextField
          {...field}
          onChange={(event) => {
            field.onChange(event);
            setValue(`routeConfig.routes.${index}.qualifier`, LATEST, { shouldDirty: true });
          }}
          select
          size="small"
          fullWidth
          error={Boolean(fieldState.error)}
          helperText={text(fieldState.error?.message)}
          slotProps={{ htmlInput: { 'aria-label': t('customDomains.form.function') } }}
        >
          {field.value && !functionNames.includes(field.value) ? (
            <MenuItem value={field.value}>{field.value}</MenuItem>
          ) : null}
          {functionNames.map((name) => (
            <MenuItem key={name} value={name}>
              {name}
            </MenuItem>
          ))}
        </TextField>
      )}
    />
  );
}

/** LATEST, a published version or an alias of the route's function, however many it has. */
export function RouteQualifierField({ index }: FieldProps) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control } = useFormContext<CustomDomainFormValues>();
  const functionName = useWatch({ control, name: `routeConfig.routes.${index}.functionName` });
  const choices = useQualifierChoices(functionName, Boolean(functionName));
  const versionsGroup = t('customDomains.form.versions');
  const aliasesGroup = t('customDomains.form.aliases');
  const options: QualifierOption[] = [
    { value: LATEST, label: LATEST },
    ...choices.versions.map((id) => ({
      value: id,
      label: t('customDomains.form.versionOption', { id }),
      group: versionsGroup,
    })),
    ...choices.aliases.map((a) => ({
      value: a.aliasName,
      label: t('customDomains.form.aliasOption', { name: a.aliasName, id: a.versionId }),
      group: aliasesGroup,
    })),
  ];
  return (
    <Controller
      control={control}
      name={`routeConfig.routes.${index}.qualifier`}
      render={({ field, fieldState }) => (
        <QualifierAutocomplete
          options={options}
          paging={choices}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ariaLabel={t('customDomains.form.qualifier')}
          textField={{
            size: 'small',
            fullWidth: true,
            name: field.name,
            inputRef: field.ref,
            error: Boolean(fieldState.error),
            helperText: text(fieldState.error?.message),
          }}
        />
      )}
    />
  );
}

/** The methods a route answers; none selected is every method. */
export function RouteMethodsField({ index }: FieldProps) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control } = useFormContext<CustomDomainFormValues>();
  return (
    <Controller
      control={control}
      name={`routeConfig.routes.${index}.methods`}
      render={({ field, fieldState }) => (
        <TextField
          {...field}
          onChange={(event) => {
            const chosen = event.target.value as unknown as HttpMethod[];
            field.onChange(HTTP_METHODS.filter((method) => chosen.includes(method)));
          }}
          select
          size="small"
          fullWidth
          error={Boolean(fieldState.error)}
          helperText={text(fieldState.error?.message)}
          slotProps={{
            htmlInput: { 'aria-label': t('customDomains.form.methods') },
            select: {
              multiple: true,
              displayEmpty: true,
              renderValue: (value) => {
                const methods = value as HttpMethod[];
                return methods.length === 0 ? t('customDomains.form.allMethods') : methods.join(', ');
              },
            },
          }}
        >
          {HTTP_METHODS.map((method) => (
            <MenuItem key={method} value={method}>
              {method}
            </MenuItem>
          ))}
        </TextField>
      )}
    />
  );
}
