import { useMutation } from '@tanstack/react-query';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useServerFieldErrors } from '../lib/use-server-field-errors';

type Options<T extends FieldValues, R> = {
  /** Sends the form's values. */
  send: (values: T) => Promise<R>;
  /** After the server accepted them: refresh what shows the result; the dialog closes once it resolves. */
  onSent?: (result: R) => Promise<unknown> | void;
  onClose: () => void;
};

/**
 * What a FormDialog needs for a form whose OK sends a request: a field the server refuses shows
 * its message under the field, and closing (Cancel or after success) forgets the input and the error.
 */
export function useFormDialog<T extends FieldValues, R>(
  form: UseFormReturn<T>,
  { send, onSent, onClose }: Options<T, R>,
) {
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      await onSent?.(result);
      close();
    },
  });
  useServerFieldErrors(mutation.error, form.setError);

  function close() {
    form.reset();
    mutation.reset();
    onClose();
  }

  return {
    onClose: close,
    onSubmit: form.handleSubmit((values) => mutation.mutate(values)),
    pending: mutation.isPending,
    error: mutation.error,
  };
}
