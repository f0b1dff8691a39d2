import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { hasKeptSecret } from '../../../contract/jwk-secrets';
import type { TriggerFormValues } from './trigger-form-values';

type KeptKey = { kid?: string; kty: string; n: number };

/** The keys of the JWKS text whose private members are blank, that is stored by the bff and kept. */
function keptKeys(jwks: string): KeptKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jwks);
  } catch {
    return [];
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return [];
  return keys.flatMap((key: unknown, i) =>
    key && typeof key === 'object' && hasKeptSecret(key as Record<string, unknown>)
      ? [{ kid: (key as { kid?: string }).kid, kty: String((key as { kty?: unknown }).kty), n: i + 1 }]
      : [],
  );
}

/** Under the JWKS field of Edit Trigger: which keys keep a private part the console is never shown. */
export function KeptJwkSecrets() {
  const { t } = useTranslation();
  const { control } = useFormContext<TriggerFormValues>();
  const jwks = useWatch({ control, name: 'triggerConfig.authConfig.jwks' });
  const kept = keptKeys(jwks);
  if (kept.length === 0) return null;
  return (
    <Alert severity="info" role="note">
      <AlertTitle>{t('triggers.jwt.keptTitle')}</AlertTitle>
      {kept.map((key) => (
        <div key={key.n}>
          {t('triggers.jwt.kept', {
            key: key.kid ? `${key.kid} (${key.kty})` : t('triggers.jwt.keyWithoutKid', { n: key.n, kty: key.kty }),
          })}
        </div>
      ))}
    </Alert>
  );
}
