import DeleteIcon from '@mui/icons-material/DeleteOutline';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { useId, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useValidationText } from '../../i18n/use-validation-text';
import { REWRITE_RULE_TYPES, type CustomDomainFormValues } from './custom-domain-form-values';
import { RewriteRulesField } from './rewrite-rules-field';
import { RouteFunctionField, RouteMethodsField, RouteQualifierField } from './route-fields';

type Props = { index: number; functionNames: string[]; onRemove?: () => void };

/** One route: path, function, version or alias, methods; its rewrite rules fold out below it. */
export function RouteRow({ index, functionNames, onRemove }: Props) {
  const { t } = useTranslation();
  const text = useValidationText();
  const rewriteId = useId();
  const { register, formState, control } = useFormContext<CustomDomainFormValues>();
  const name = `routeConfig.routes.${index}` as const;
  const rules = useWatch({ control, name: `${name}.rewriteConfig` });
  const [expanded, setExpanded] = useState(() => REWRITE_RULE_TYPES.some((type) => (rules?.[type]?.length ?? 0) > 0));
  const pathError = formState.errors.routeConfig?.routes?.[index]?.path?.message;
  const n = index + 1;
  return (
    <>
      <TableRow aria-label={t('customDomains.form.routeLabel', { n })} sx={{ verticalAlign: 'top' }}>
        <TableCell sx={{ minWidth: 160 }}>
          <TextField
            {...register(`${name}.path`)}
            size="small"
            fullWidth
            placeholder="/api/*"
            error={Boolean(pathError)}
            helperText={text(pathError)}
            slotProps={{ htmlInput: { 'aria-label': t('customDomains.form.path') } }}
          />
        </TableCell>
        <TableCell sx={{ minWidth: 160 }}>
          <RouteFunctionField index={index} functionNames={functionNames} />
        </TableCell>
        <TableCell sx={{ minWidth: 140 }}>
          <RouteQualifierField index={index} />
        </TableCell>
        <TableCell sx={{ minWidth: 150 }}>
          <RouteMethodsField index={index} />
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>
          <Tooltip title={t('customDomains.form.rewrite', { n })}>
            <IconButton
              aria-label={t('customDomains.form.rewrite', { n })}
              aria-expanded={expanded}
              aria-controls={rewriteId}
              onClick={() => setExpanded((open) => !open)}
            >
              {expanded ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            </IconButton>
          </Tooltip>
          {onRemove ? (
            <Tooltip title={t('customDomains.form.removeRoute', { n })}>
              <IconButton aria-label={t('customDomains.form.removeRoute', { n })} onClick={onRemove}>
                <DeleteIcon />
              </IconButton>
            </Tooltip>
          ) : null}
        </TableCell>
      </TableRow>
      {expanded ? (
        <TableRow id={rewriteId}>
          <TableCell colSpan={5} sx={{ bgcolor: 'action.hover' }}>
            <RewriteRulesField index={index} />
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}
