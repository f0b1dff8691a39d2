import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CustomDomainInput, CustomDomainUpdate } from '../../../contract/custom-domain';
import type { CustomDomainView } from '../../../contract/custom-domain-console';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api-client';
import { useServerFieldErrors } from '../../lib/use-server-field-errors';
import { CustomDomainConflict } from './custom-domain-conflict';
import { customDomainFormResolver, type CustomDomainPayload } from './custom-domain-form-resolver';
import { emptyDomainForm, formFromDomain, type CustomDomainFormValues } from './custom-domain-form-values';
import { DomainBasicsFields } from './domain-basics-fields';
import { customDomainQueries, createCustomDomain, updateCustomDomain } from './queries';
import { RoutesField } from './routes-field';
import { FormPanelHeader } from '../../components/form-panel';

type Props = {
  titleId: string;
  /** The domain being edited; absent for Add Custom Domain. */
  domain?: CustomDomainView;
  onDirtyChange: (dirty: boolean) => void;
  onPendingChange: (pending: boolean) => void;
  onCancel: () => void;
  onSaved: (domain: CustomDomainView) => void;
};

export function CustomDomainForm({ titleId, domain, onDirtyChange, onPendingChange, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editing = domain !== undefined;
  const functions = useQuery(customDomainQueries.functions());
  const functionNames = useMemo(() => functions.data?.functions.map((fn) => fn.functionName) ?? [], [functions.data]);
  const defaultValues = useMemo(() => (domain ? formFromDomain(domain) : emptyDomainForm()), [domain]);
  const form = useForm<CustomDomainFormValues, unknown, CustomDomainPayload>({
    resolver: customDomainFormResolver(domain ? defaultValues : undefined),
    mode: 'onTouched',
    defaultValues,
  });
  // The domain's lastModifiedTime as this form last loaded it: a save by someone else since is a conflict.
  const [version, setVersion] = useState(domain?.lastModifiedTime);
  const mutation = useMutation({
    mutationFn: ({ payload, overwrite }: { payload: CustomDomainPayload; overwrite?: boolean }) =>
      domain
        ? updateCustomDomain(domain.domainName, payload as CustomDomainUpdate, overwrite ? undefined : version)
        : createCustomDomain(payload as CustomDomainInput),
    onSuccess: async (saved) => {
      queryClient.setQueryData(customDomainQueries.detail(saved.domainName).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: customDomainQueries.lists() });
      onSaved(saved);
    },
  });
  useServerFieldErrors(mutation.error, form.setError);
  const conflict = isApiError(mutation.error) && mutation.error.code === 'CustomDomainChanged';
  const reload = async () => {
    if (!domain) return;
    mutation.reset();
    const current = await queryClient.fetchQuery({ ...customDomainQueries.detail(domain.domainName), staleTime: 0 });
    form.reset(formFromDomain(current));
    setVersion(current.lastModifiedTime);
  };

  // A new domain's first route points at the first function, once the functions are known.
  const firstFunction = functionNames[0];
  useEffect(() => {
    if (editing || !firstFunction || form.getValues('routeConfig.routes.0.functionName')) return;
    form.resetField('routeConfig.routes.0.functionName', { defaultValue: firstFunction });
  }, [editing, firstFunction, form]);

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
          title={t(editing ? 'customDomains.form.editTitle' : 'customDomains.form.createTitle')}
          onClose={onCancel}
        />
        <Stack spacing={2.5} sx={{ flex: 1, overflowY: 'auto', px: 3, py: 2 }}>
          {conflict ? (
            <CustomDomainConflict
              pending={mutation.isPending}
              onReload={() => void reload()}
              onOverwrite={() => void form.handleSubmit((payload) => mutation.mutate({ payload, overwrite: true }))()}
            />
          ) : mutation.isError ? (
            <ErrorAlert
              error={mutation.error}
              title={t(editing ? 'customDomains.form.updateFailed' : 'customDomains.form.createFailed')}
            />
          ) : null}
          {functions.isError ? <ErrorAlert error={functions.error} /> : null}
          <DomainBasicsFields editing={editing} />
          <RoutesField functionNames={functionNames} />
        </Stack>
        <Divider />
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
