import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Trigger, TriggerCreate, TriggerUpdate } from '../../../contract/trigger';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api-client';
import { triggerQueries } from '../../lib/trigger-queries';
import { useServerFieldErrors } from '../../lib/use-server-field-errors';
import { AuthFields } from './auth-fields';
import { CorsFields } from './cors-fields';
import { createTrigger, updateTrigger } from './queries';
import type { QualifierChoices } from '../../lib/qualifier-queries';
import { TriggerBasicsFields } from './trigger-basics-fields';
import { TriggerConflict } from './trigger-conflict';
import { freeQualifier, useTakenQualifiers } from './taken-qualifiers';
import { triggerFormResolver, type TriggerPayload } from './trigger-form-resolver';
import { emptyTriggerForm, formFromTrigger, type TriggerFormValues } from './trigger-form-values';
import { FormPanelHeader } from '../../components/form-panel';

type Props = {
  titleId: string;
  functionName: string;
  trigger?: Trigger;
  choices: QualifierChoices;
  onDirtyChange: (dirty: boolean) => void;
  onPendingChange: (pending: boolean) => void;
  onCancel: () => void;
  onSaved: () => void;
};

export function TriggerForm({
  titleId,
  functionName,
  trigger,
  choices,
  onDirtyChange,
  onPendingChange,
  onCancel,
  onSaved,
}: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editing = trigger !== undefined;
  const initiallyTaken = useTakenQualifiers(functionName, trigger?.triggerName);
  const defaultValues = useMemo(
    () => (trigger ? formFromTrigger(trigger) : emptyTriggerForm(freeQualifier(choices, initiallyTaken))),
    // The qualifiers taken when the panel opened decide the default; later changes do not reset the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [trigger],
  );
  const form = useForm<TriggerFormValues, unknown, TriggerPayload>({
    resolver: triggerFormResolver(editing ? 'edit' : 'create'),
    mode: 'onTouched',
    defaultValues,
  });
  // The trigger's lastModifiedTime as this form last loaded it: a save by someone else since is a conflict.
  const [version, setVersion] = useState(trigger?.lastModifiedTime);
  const mutation = useMutation({
    mutationFn: ({ payload, overwrite }: { payload: TriggerPayload; overwrite?: boolean }) =>
      trigger
        ? updateTrigger(functionName, trigger.triggerName, payload as TriggerUpdate, overwrite ? undefined : version)
        : createTrigger(functionName, payload as TriggerCreate),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: triggerQueries.all(functionName) });
      onSaved();
    },
  });
  useServerFieldErrors(mutation.error, form.setError);
  const conflict = isApiError(mutation.error) && mutation.error.code === 'TriggerChanged';
  // A refusal that names form fields is shown under them; any other failure beside OK.
  const fieldPaths = isApiError(mutation.error) && mutation.error.fields ? Object.keys(mutation.error.fields) : [];
  const serverAlert = mutation.isError && !conflict && fieldPaths.length === 0;
  const answerRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const taken = useTakenQualifiers(functionName, trigger?.triggerName);
  useEffect(() => {
    if (!mutation.error) return;
    const first = fieldPaths[0];
    if (first) return form.setFocus(first as Path<TriggerFormValues>);
    const target = alertRef.current ?? answerRef.current;
    target?.scrollIntoView?.({ block: 'nearest' });
    target?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer of the server
  }, [mutation.error]);
  const reload = async () => {
    mutation.reset();
    const { triggers } = await queryClient.fetchQuery({ ...triggerQueries.list(functionName), staleTime: 0 });
    const current = triggers.find((candidate) => candidate.triggerName === trigger?.triggerName);
    if (!current) return onSaved();
    form.reset(formFromTrigger(current));
    setVersion(current.lastModifiedTime);
  };

  const { isDirty } = form.formState;
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  useEffect(() => onPendingChange(mutation.isPending), [mutation.isPending, onPendingChange]);

  return (
    <FormProvider {...form}>
      <Box
        component="form"
        noValidate
        onSubmit={form.handleSubmit((payload) => mutation.mutate({ payload }))}
        sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}
      >
        <FormPanelHeader
          titleId={titleId}
          title={t(editing ? 'triggers.form.editTitle' : 'triggers.form.createTitle')}
          onClose={onCancel}
        />
        <Stack spacing={2.5} sx={{ flex: 1, overflowY: 'auto', px: 3, py: 2 }}>
          <TriggerBasicsFields editing={editing} choices={choices} taken={taken} />
          <AuthFields editing={editing} />
          <Divider />
          <CorsFields />
        </Stack>
        <Divider />
        {/* Beside OK, where the user is when the server answers, whatever part of the form is in view. */}
        <Box ref={answerRef} tabIndex={-1} sx={{ px: 3, pt: conflict || serverAlert ? 2 : 0, outline: 'none' }}>
          {conflict ? (
            <TriggerConflict
              pending={mutation.isPending}
              onReload={() => void reload()}
              onOverwrite={() => void form.handleSubmit((payload) => mutation.mutate({ payload, overwrite: true }))()}
            />
          ) : serverAlert ? (
            <ErrorAlert
              error={mutation.error}
              title={t(editing ? 'triggers.form.updateFailed' : 'triggers.form.createFailed')}
              tabIndex={-1}
              ref={alertRef}
            />
          ) : null}
        </Box>
        <Stack direction="row" spacing={1} sx={{ px: 3, py: 2 }}>
          <Button
            type="submit"
            variant="contained"
            disabled={mutation.isPending}
            startIcon={mutation.isPending ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            {t('common.ok')}
          </Button>
          <Button onClick={onCancel} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
        </Stack>
      </Box>
    </FormProvider>
  );
}
