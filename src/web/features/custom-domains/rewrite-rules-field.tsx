import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REWRITE_DEADLINE_MS } from '../../../contract/regexp-cost';
import { useValidationText } from '../../i18n/use-validation-text';
import { REWRITE_RULE_TYPES, type CustomDomainFormValues, type RewriteRuleType } from './custom-domain-form-values';

type Props = { index: number };

function RuleList({ index, type }: Props & { type: RewriteRuleType }) {
  const { t } = useTranslation();
  const text = useValidationText();
  const { control, register, formState } = useFormContext<CustomDomainFormValues>();
  const name = `routeConfig.routes.${index}.rewriteConfig.${type}` as const;
  const rules = useFieldArray({ control, name });
  const errors = formState.errors.routeConfig?.routes?.[index]?.rewriteConfig?.[type];
  // A bound on the rules together (the regex rules' cost) is the list's own error, not a rule's.
  const listError = errors?.root?.message ?? errors?.message;
  const typeLabel = t(`customDomains.form.rewriteTypes.${type}`);
  return (
    <Stack spacing={1}>
      <Typography variant="body2" component="h4" sx={{ fontWeight: 500 }}>
        {typeLabel}
      </Typography>
      {rules.fields.map((field, ruleIndex) => {
        const matchError = errors?.[ruleIndex]?.match?.message;
        const replacementError = errors?.[ruleIndex]?.replacement?.message;
        const n = ruleIndex + 1;
        return (
          <Stack key={field.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              {...register(`${name}.${ruleIndex}.match`)}
              size="small"
              label={`${typeLabel} ${n}: ${t('customDomains.form.rewriteMatch')}`}
              error={Boolean(matchError)}
              helperText={text(matchError)}
              sx={{ flex: 1 }}
            />
            <TextField
              {...register(`${name}.${ruleIndex}.replacement`)}
              size="small"
              label={`${typeLabel} ${n}: ${t('customDomains.form.rewriteReplacement')}`}
              error={Boolean(replacementError)}
              helperText={text(replacementError)}
              sx={{ flex: 1 }}
            />
            <IconButton
              aria-label={t('customDomains.form.removeRewrite', { n: `${typeLabel} ${n}` })}
              onClick={() => rules.remove(ruleIndex)}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        );
      })}
      {listError ? <FormHelperText error>{text(listError)}</FormHelperText> : null}
      <div>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() =>
            rules.append({ match: '', replacement: '' }, { focusName: `${name}.${rules.fields.length}.match` })
          }
        >
          {`${t('customDomains.form.addRewrite')}: ${typeLabel}`}
        </Button>
      </div>
    </Stack>
  );
}

/** A route's optional rewrite rules: exact, wildcard and regular-expression matches on the path. */
export function RewriteRulesField({ index }: Props) {
  const { t } = useTranslation();
  const { control } = useFormContext<CustomDomainFormValues>();
  const config = useWatch({ control, name: `routeConfig.routes.${index}.rewriteConfig` });
  // Only wildcard and regex rules can be costly for a long path (decision 035).
  const timed = Boolean(config?.wildcardRules?.length || config?.regexRules?.length);
  return (
    <Stack spacing={1.5} role="group" aria-label={t('customDomains.form.rewrite', { n: index + 1 })}>
      <FormHelperText sx={{ mt: 0 }}>{t('customDomains.form.rewriteHelp')}</FormHelperText>
      {REWRITE_RULE_TYPES.map((type) => (
        <RuleList key={type} index={index} type={type} />
      ))}
      {timed ? (
        <FormHelperText sx={{ mt: 0 }}>
          {t('customDomains.form.rewriteTimeHelp', { ms: REWRITE_DEADLINE_MS })}
        </FormHelperText>
      ) : null}
    </Stack>
  );
}
