import { zodResolver } from '@hookform/resolvers/zod';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { versionPublishSchema } from '../../../contract/function';
import { FormDialog } from '../../components/form-dialog';
import { useFormDialog } from '../../components/use-form-dialog';
import { useValidationText } from '../../i18n/use-validation-text';
import { publishVersion, versionQueries } from './queries';

type Values = z.infer<typeof versionPublishSchema>;
type Props = { functionName: string; open: boolean; onClose: () => void };

export function PublishVersionDialog({ functionName, open, onClose }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    resolver: zodResolver(versionPublishSchema),
    mode: 'onTouched',
    defaultValues: { description: '' },
  });
  const dialog = useFormDialog(form, {
    send: (values) => publishVersion(functionName, values),
    onSent: () => queryClient.invalidateQueries({ queryKey: versionQueries.all(functionName) }),
    onClose,
  });

  const error = form.formState.errors.description?.message;
  return (
    <FormDialog open={open} title={t('versions.publish.title')} errorTitle={t('versions.publish.failed')} {...dialog}>
      <TextField
        {...form.register('description')}
        label={t('versions.fields.description')}
        multiline
        minRows={2}
        autoFocus
        error={Boolean(error)}
        helperText={text(error) ?? t('versions.publish.help')}
      />
    </FormDialog>
  );
}
