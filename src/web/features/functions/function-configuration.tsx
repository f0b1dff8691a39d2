import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import EditIcon from '@mui/icons-material/Edit';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { formatDateTime } from '../../lib/format';
import { FunctionSettingsDialog } from './function-settings-dialog';
import { functionQueries } from './queries';
import { runtimeLabel } from './runtime-label';

/**
 * The Configuration tab: the function's settings, and Modify for those UpdateFunction changes; at a
 * version or alias (`qualifier`), the settings it was published with, read-only.
 */
export function FunctionConfiguration({ name, qualifier }: { name: string; qualifier?: string }) {
  const { t, i18n } = useTranslation();
  const fn = useQuery(functionQueries.detail(name, qualifier));
  const [modifying, setModifying] = useState(false);
  if (fn.isPending) return <PageLoading />;
  if (fn.isError) return <ErrorAlert error={fn.error} onRetry={() => void fn.refetch()} />;
  const f = fn.data;
  const env = Object.entries(f.environmentVariables ?? {});
  const rows: Array<[string, ReactNode]> = [
    [t('functions.config.runtime'), runtimeLabel(t, f.runtime)],
    [t('functions.config.handler'), <code key="h">{f.handler}</code>],
    [t('functions.config.memory'), t('functions.memoryValue', { mb: f.memorySize })],
    [t('functions.config.timeout'), t('functions.config.seconds', { count: f.timeout })],
    [t('functions.config.concurrency'), f.instanceConcurrency ?? 1],
    [
      t('functions.config.env'),
      env.length === 0 ? (
        t('functions.config.noEnv')
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {env.map(([key, value]) => (
            <li key={key}>
              <code>
                {key}={value}
              </code>
            </li>
          ))}
        </Box>
      ),
    ],
    [t('functions.config.codeSize'), t('functions.config.bytes', { count: f.codeSize })],
    [t('functions.config.lastModified'), formatDateTime(f.lastModifiedTime, i18n.language)],
  ];
  if (f.customRuntimeConfig) {
    rows.splice(2, 0, [
      t('functions.config.command'),
      <code key="c">{[...f.customRuntimeConfig.command, ...(f.customRuntimeConfig.args ?? [])].join(' ')}</code>,
    ]);
  }
  return (
    <>
      {qualifier ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('lists.qualifier.readOnly', { qualifier })}
        </Alert>
      ) : (
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 2 }}>
          <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setModifying(true)}>
            {t('functions.settings.action')}
          </Button>
        </Box>
      )}
      <FunctionSettingsDialog fn={f} open={modifying} onClose={() => setModifying(false)} />
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'minmax(160px, max-content) 1fr', gap: 1.5, m: 0 }}
      >
        {rows.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" sx={{ m: 0 }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
    </>
  );
}
