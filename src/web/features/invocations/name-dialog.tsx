import { zodResolver } from '@hookform/resolvers/zod';
import TextField from '@mui/material/TextField';
import { useForm } from 'react-hook-form';
import { savedTestRequestSchema } from '../../../contract/invocation';
import { FormDialog } from '../../components/form-dialog';
import { useValidationText } from '../../i18n/use-validation-text';

const nameSchema = savedTestRequestSchema.pick({ name: true });

type Props = {
  title: string;
  label: string;
  initialName?: string;
  pending: boolean;
  error?: unknown;
  onSubmit: (name: string) => void;
  onClose: () => void;
};

/** Names a saved test request (save as new, rename). */
export function NameDialog({ title, label, initialName = '', pending, error, onSubmit, onClose }: Props) {
  const text = useValidationText();
  const form = useForm<{ name: string }>({
    resolver: zodResolver(nameSchema),
    defaultValues: { name: initialName },
    mode: 'onTouched',
  });
  const nameError = form.formState.errors.name?.message;
  return (
    <FormDialog
      open
      title={title}
      onClose={onClose}
      pending={pending}
      error={error}
      maxWidth="xs"
      onSubmit={form.handleSubmit(({ name }) => onSubmit(name))}
    >
      <TextField
        label={label}
        autoFocus
        {...form.register('name')}
        error={Boolean(nameError)}
        helperText={text(nameError)}
      />
    </FormDialog>
  );
}
