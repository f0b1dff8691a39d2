import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { FUNCTION_TEMPLATES, functionFromTemplateSchema, type FunctionFromTemplate } from '../../../contract/function';
import { FormDialog } from '../../components/form-dialog';
import { useFormDialog } from '../../components/use-form-dialog';
import { useValidationText } from '../../i18n/use-validation-text';
import { createFunction, functionQueries, templateSupportQuery } from './queries';

type Props = { open: boolean; onClose: () => void };

export function CreateFunctionDialog({ open, onClose }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const form = useForm<FunctionFromTemplate>({
    resolver: zodResolver(functionFromTemplateSchema),
    mode: 'onTouched',
    defaultValues: { functionName: '', template: 'nodejs-event-http' },
  });
  const dialog = useFormDialog(form, {
    send: createFunction,
    onSent: async (created) => {
      await queryClient.invalidateQueries({ queryKey: functionQueries.lists() });
      navigate(`/functions/${encodeURIComponent(created.functionName)}`);
    },
    onClose,
  });

  const support = useQuery({ ...templateSupportQuery, enabled: open });
  const template = useWatch({ control: form.control, name: 'template' });
  const flaskMissing = support.data?.flask === 'missing' && template === 'python-flask';

  const nameError = form.formState.errors.functionName?.message;
  return (
    <FormDialog open={open} title={t('functions.create.title')} errorTitle={t('functions.create.failed')} {...dialog}>
      <TextField
        {...form.register('functionName')}
        label={t('functions.fields.name')}
        required
        autoFocus
        error={Boolean(nameError)}
        helperText={text(nameError) ?? t('functions.create.nameHelp')}
      />
      <FormControl>
        <FormLabel id="function-template-label">{t('functions.create.template')}</FormLabel>
        <Controller
          control={form.control}
          name="template"
          render={({ field }) => (
            <RadioGroup {...field} aria-labelledby="function-template-label">
              {FUNCTION_TEMPLATES.map((template) => (
                <FormControlLabel
                  key={template}
                  value={template}
                  control={<Radio />}
                  sx={{
                    border: 1,
                    borderColor: 'divider',
                    borderRadius: 1,
                    m: 0,
                    mt: 1,
                    p: 1,
                    alignItems: 'flex-start',
                  }}
                  label={
                    <span>
                      <Typography component="span" display="block" fontWeight={500}>
                        {t(`functions.templates.${template}.title`)}
                      </Typography>
                      <Typography component="span" display="block" variant="body2" color="text.secondary">
                        {t(`functions.templates.${template}.description`)}
                      </Typography>
                    </span>
                  }
                />
              ))}
            </RadioGroup>
          )}
        />
      </FormControl>
      {flaskMissing && <Alert severity="warning">{t('functions.templates.python-flask.flaskMissing')}</Alert>}
    </FormDialog>
  );
}
