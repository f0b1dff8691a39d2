import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Trigger } from '../../../contract/trigger';
import type { TestParamsForm } from './test-params-form';

/**
 * The credential a test sends for the trigger's authentication. Passwords and tokens stay in the
 * console's server: the browser only names which one to use (a JWT is pasted, it is the user's own).
 */
export function CredentialField({ trigger }: { trigger: Trigger }) {
  const { t } = useTranslation();
  const { control, register } = useFormContext<TestParamsForm>();
  const config = trigger.triggerConfig;

  switch (config.authType) {
    case 'anonymous':
      return null;
    case 'function':
      return <Alert severity="info">{t('invocations.configure.signed')}</Alert>;
    case 'jwt':
      return (
        <TextField
          label={t('invocations.configure.jwt')}
          helperText={t('invocations.configure.jwtHelp', { lookup: config.authConfig.tokenLookup })}
          multiline
          maxRows={4}
          {...register('jwt')}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
      );
    case 'basic':
    case 'bearer': {
      const basic = config.authType === 'basic';
      const names = basic
        ? config.authConfig.users.map((u) => u.username)
        : config.authConfig.tokens.map((tk) => tk.name);
      return (
        <Controller
          control={control}
          name={basic ? 'username' : 'tokenName'}
          render={({ field }) => (
            <TextField
              select
              label={t(basic ? 'invocations.configure.username' : 'invocations.configure.tokenName')}
              helperText={t('invocations.configure.secretStays')}
              value={names.includes(field.value) ? field.value : ''}
              onChange={(event) => field.onChange(event.target.value)}
            >
              {names.map((name) => (
                <MenuItem key={name} value={name}>
                  {name}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
      );
    }
  }
}
