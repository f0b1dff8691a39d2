import { zodResolver } from '@hookform/resolvers/zod';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { aliasCreateSchema, type AliasCreate } from '../../../contract/function';
import { FormDialog } from '../../components/form-dialog';
import { useFormDialog } from '../../components/use-form-dialog';
import { useValidationText } from '../../i18n/use-validation-text';
import { createAlias, versionQueries } from './queries';

type Props = { functionName: string; versionIds: string[]; open: boolean; onClose: () => void };

export function CreateAliasDialog({ functionName, versionIds, open, onClose }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const queryClient = useQueryClient();
  const form = useForm<AliasCreate>({
    resolver: zodResolver(aliasCreateSchema),
    mode: 'onTouched',
    values: { aliasName: '', versionId: versionIds[0] ?? '', description: '' },
    resetOptions: { keepDirtyValues: true },
  });
  const dialog = useFormDialog(form, {
    send: (values) => createAlias(functionName, values),
    onSent: () => queryClient.invalidateQueries({ queryKey: versionQueries.aliases(functionName).queryKey }),
    onClose,
  });

  const { errors } = form.formState;
  return (
    <FormDialog open={open} title={t('aliases.create.title')} errorTitle={t('aliases.create.failed')} {...dialog}>
      <TextField
        {...form.register('aliasName')}
        label={t('aliases.fields.name')}
        required
        autoFocus
        error={Boolean(errors.aliasName)}
        helperText={text(errors.aliasName?.message)}
      />
      <Controller
        control={form.control}
        name="versionId"
        render={({ field, fieldState }) => (
          <TextField
            {...field}
            select
            label={t('aliases.fields.version')}
            required
            error={Boolean(fieldState.error)}
            helperText={text(fieldState.error?.message)}
          >
            {versionIds.map((id) => (
              <MenuItem key={id} value={id}>
                {id}
              </MenuItem>
            ))}
          </TextField>
        )}
      />
      <TextField
        {...form.register('description')}
        label={t('aliases.fields.description')}
        error={Boolean(errors.description)}
        helperText={text(errors.description?.message)}
      />
    </FormDialog>
  );
}
