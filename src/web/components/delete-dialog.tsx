import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './confirm-dialog';

type Props = {
  /** What is being deleted; the dialog is open while it is set. */
  target: string | undefined;
  title: string;
  message: string;
  /** Deletes `target` and refreshes what listed it; the dialog closes once it resolves. */
  onDelete: (target: string) => Promise<unknown>;
  onClose: () => void;
};

/** Asks before deleting; a refusal stays in the dialog, and Cancel forgets it. */
export function DeleteDialog({ target, title, message, onDelete, onClose }: Props) {
  const { t } = useTranslation();
  const removal = useMutation({ mutationFn: onDelete, onSuccess: onClose });
  return (
    <ConfirmDialog
      open={target !== undefined}
      title={title}
      message={message}
      confirmLabel={t('common.delete')}
      pending={removal.isPending}
      error={removal.error}
      onConfirm={() => target !== undefined && removal.mutate(target)}
      onCancel={() => {
        removal.reset();
        onClose();
      }}
    />
  );
}
