import SendIcon from '@mui/icons-material/Send';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  domainTestRequestSchema,
  type CustomDomainView,
  type DomainTestRequest as TestRequest,
} from '../../../contract/custom-domain-console';
import { HTTP_METHODS } from '../../../contract/trigger';
import { ErrorAlert } from '../../components/error-alert';
import { useValidationText } from '../../i18n/use-validation-text';
import { DomainTestResult } from './domain-test-result';
import { sendThroughDomain } from './queries';

type Props = { domain: CustomDomainView; onMatched: (index: number | undefined) => void };

const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Test Through the Domain: method, path (and a body), Send; the answer and the route that matched. */
export function DomainTestRequest({ domain, onMatched }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const titleId = useId();
  const form = useForm<TestRequest>({
    resolver: zodResolver(domainTestRequestSchema),
    mode: 'onTouched',
    defaultValues: { method: 'GET', path: '/', body: '' },
  });
  const method = useWatch({ control: form.control, name: 'method' });
  const send = useMutation({
    mutationFn: (request: TestRequest) => sendThroughDomain(domain.domainName, request),
    onMutate: () => onMatched(undefined),
    onSuccess: (result) => onMatched(result.matchedRoute?.index),
  });
  const pathError = form.formState.errors.path?.message;
  const bodyError = form.formState.errors.body?.message;

  return (
    <Paper variant="outlined" component="section" aria-labelledby={titleId} sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id={titleId}>
        {t('customDomains.test.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('customDomains.test.description')}
      </Typography>
      <Stack
        component="form"
        noValidate
        spacing={2}
        onSubmit={form.handleSubmit((request) =>
          send.mutate({
            ...request,
            body: WITHOUT_BODY.has(request.method) || !request.body ? undefined : request.body,
          }),
        )}
      >
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Controller
            control={form.control}
            name="method"
            render={({ field }) => (
              <TextField {...field} select label={t('customDomains.test.method')} sx={{ minWidth: 120 }}>
                {HTTP_METHODS.map((m) => (
                  <MenuItem key={m} value={m}>
                    {m}
                  </MenuItem>
                ))}
              </TextField>
            )}
          />
          <TextField
            {...form.register('path')}
            label={t('customDomains.test.path')}
            error={Boolean(pathError)}
            helperText={text(pathError)}
            sx={{ flex: 1 }}
          />
          <Button
            type="submit"
            variant="contained"
            disabled={send.isPending}
            startIcon={send.isPending ? <CircularProgress size={16} color="inherit" /> : <SendIcon />}
            sx={{ mt: 1 }}
          >
            {t('customDomains.test.send')}
          </Button>
        </Stack>
        {WITHOUT_BODY.has(method) ? null : (
          <TextField
            {...form.register('body')}
            label={t('customDomains.test.body')}
            multiline
            minRows={3}
            error={Boolean(bodyError)}
            helperText={text(bodyError)}
          />
        )}
      </Stack>
      {send.isError ? <ErrorAlert error={send.error} title={t('customDomains.test.failed')} sx={{ mt: 2 }} /> : null}
      {send.data ? <DomainTestResult result={send.data} /> : null}
    </Paper>
  );
}
