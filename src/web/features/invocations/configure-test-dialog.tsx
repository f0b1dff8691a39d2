import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';
import { Controller, FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EventPayloadField } from './event-payload-field';
import { HttpRequestFields } from './http-request-fields';
import { SavedRequests } from './saved-requests';
import { useTestFunction } from './test-function-context';
import { fromForm, requestOf, testParamsResolver, toForm, withRequest, type TestParamsForm } from './test-params-form';

/**
 * Configure Test Parameters: for a function with an HTTP trigger, the request sent to the trigger's
 * endpoint (so every gateway rule applies); without one, the event payload for InvokeFunction.
 * Saved requests load into the editor; OK makes it what Test Function sends.
 */
export function ConfigureTestDialog({ functionName, onClose }: { functionName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const formId = useId();
  const test = useTestFunction();
  const triggers = test.triggers ?? [];
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const form = useForm<TestParamsForm>({
    resolver: testParamsResolver,
    mode: 'onTouched',
    defaultValues: toForm(test.params, triggers),
  });
  const triggerName = useWatch({ control: form.control, name: 'triggerName' });
  const trigger = triggers.find((tr) => tr.triggerName === triggerName);

  const submit = form.handleSubmit((values) => {
    test.setParams(fromForm(values, triggers));
    onClose();
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <FormProvider {...form}>
        <DialogTitle id={titleId}>{t('invocations.configure.title')}</DialogTitle>
        <DialogContent dividers>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '240px 1fr' }, gap: 3 }}>
            <SavedRequests
              functionName={functionName}
              selectedId={selectedId}
              currentRequest={() => requestOf(form.getValues())}
              onSelect={(saved) => {
                setSelectedId(saved?.id);
                if (saved) form.reset(withRequest(form.getValues(), saved.request, triggers));
              }}
            />
            {/* Its own form: the saved list's dialogs hold forms whose submit events bubble through React. */}
            <Stack
              component="form"
              id={formId}
              onSubmit={(event) => void submit(event)}
              noValidate
              spacing={2}
              sx={{ pt: 1 }}
            >
              {triggers.length > 0 ? (
                <Controller
                  control={form.control}
                  name="triggerName"
                  render={({ field }) => (
                    <TextField
                      select
                      label={t('invocations.configure.sendThrough')}
                      {...field}
                      onChange={(event) => {
                        field.onChange(event);
                        // Another trigger may not allow the method: take its first one then.
                        const methods = triggers.find((tr) => tr.triggerName === event.target.value)?.triggerConfig
                          .methods;
                        if (methods?.[0] && !methods.includes(form.getValues('http.method')))
                          form.setValue('http.method', methods[0]);
                      }}
                    >
                      {triggers.map((tr) => (
                        <MenuItem key={tr.triggerName} value={tr.triggerName}>
                          {t('invocations.configure.viaTrigger', { name: tr.triggerName, qualifier: tr.qualifier })}
                        </MenuItem>
                      ))}
                      <MenuItem value="">{t('invocations.configure.viaInvoke')}</MenuItem>
                    </TextField>
                  )}
                />
              ) : null}
              {trigger ? <HttpRequestFields key={trigger.triggerName} trigger={trigger} /> : <EventPayloadField />}
            </Stack>
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="contained">
            {t('common.ok')}
          </Button>
        </DialogActions>
      </FormProvider>
    </Dialog>
  );
}
