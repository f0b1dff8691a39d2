import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useController, useFormContext, type FieldPathByValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useValidationText } from '../../i18n/use-validation-text';
import type { TriggerFormValues } from './trigger-form-values';

type Props = {
  name: FieldPathByValue<TriggerFormValues, string[]>;
  label: string;
  helperText?: string;
  placeholder?: string;
  suggestions?: readonly string[];
  required?: boolean;
};

/** A list's error holds its own message (or `root`) and its items' messages under their indexes. */
export function splitListError(error: unknown): { list: string | undefined; items: Record<number, string> } {
  const items: Record<number, string> = {};
  if (!error || typeof error !== 'object') return { list: undefined, items };
  const e = error as { message?: unknown; root?: { message?: unknown } };
  for (const [key, value] of Object.entries(error) as Array<[string, { message?: unknown } | undefined]>) {
    if (/^\d+$/.test(key) && typeof value?.message === 'string') items[Number(key)] = value.message;
  }
  const root = e.root?.message;
  const list = typeof root === 'string' ? root : typeof e.message === 'string' ? e.message : undefined;
  return { list, items };
}

/** A list of strings, typed or pasted (split on commas and spaces); each item's error is named under the field. */
export function ListInput({ name, label, helperText, placeholder, suggestions = [], required }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control } = useFormContext<TriggerFormValues>();
  const { field, fieldState } = useController({ control, name });
  const items = field.value;
  const { list, items: itemErrors } = splitListError(fieldState.error);
  const messages = [
    ...(list ? [text(list)] : []),
    ...Object.entries(itemErrors).map(([i, message]) =>
      // A message that already names the item ("Do not add OPTIONS: …") is not prefixed with it again.
      (text(message) ?? '').includes(items[Number(i)] ?? '\u0000')
        ? text(message)
        : t('triggers.form.itemError', { item: items[Number(i)], message: text(message) }),
    ),
  ];

  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      options={suggestions as string[]}
      value={items}
      // A pasted "a, b c" is three items, not one.
      onChange={(_, value) => field.onChange([...new Set(value.flatMap((v) => v.split(/[\s,]+/)).filter(Boolean))])}
      onBlur={field.onBlur}
      renderValue={(value, getItemProps) =>
        value.map((item, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return (
            <Chip key={key} size="small" label={item} color={itemErrors[index] ? 'error' : 'default'} {...itemProps} />
          );
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          inputRef={field.ref}
          name={field.name}
          label={label}
          required={required}
          placeholder={items.length === 0 ? placeholder : undefined}
          error={messages.length > 0}
          helperText={messages.length > 0 ? messages.join(' ') : (helperText ?? t('triggers.form.listHelp'))}
        />
      )}
    />
  );
}
