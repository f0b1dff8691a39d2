import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useValidationText } from '../../i18n/use-validation-text';
import type { TestParamsForm } from './test-params-form';

type Props = { name: 'http.query' | 'http.headers'; title: string; keyLabel: string };

/** Query parameters or headers as key/value rows; a row with an empty key is not sent. */
export function KeyValueRows({ name, title, keyLabel }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState } = useFormContext<TestParamsForm>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const errors = name === 'http.query' ? formState.errors.http?.query : formState.errors.http?.headers;

  return (
    <Stack spacing={1} role="group" aria-label={title}>
      <Typography variant="subtitle2">{title}</Typography>
      {fields.map((field, index) => (
        <Stack key={field.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label={t('invocations.configure.rowKey', { what: keyLabel, n: index + 1 })}
            {...register(`${name}.${index}.key`)}
            error={Boolean(errors?.[index]?.key)}
            helperText={text(errors?.[index]?.key?.message)}
            sx={{ flex: 1 }}
          />
          <TextField
            label={t('invocations.configure.rowValue', { n: index + 1 })}
            {...register(`${name}.${index}.value`)}
            sx={{ flex: 2 }}
          />
          <IconButton
            aria-label={t('invocations.configure.removeRow', { what: keyLabel, n: index + 1 })}
            onClick={() => remove(index)}
          >
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() => append({ key: '', value: '' })}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('invocations.configure.addRow', { what: keyLabel })}
      </Button>
    </Stack>
  );
}
