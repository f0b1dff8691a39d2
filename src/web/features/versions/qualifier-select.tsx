import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LATEST } from '../../../contract/names';
import { versionQueries } from './queries';

type Props = {
  functionName: string;
  /** LATEST, a version id or an alias name. */
  value: string;
  onChange: (qualifier: string) => void;
};

/** The function header's Version/Alias selector, as the FC console has it: LATEST, the versions, the aliases. */
export function QualifierSelect({ functionName, value, onChange }: Props) {
  const { t } = useTranslation();
  const versions = useQuery(versionQueries.list(functionName));
  const aliases = useQuery(versionQueries.aliases(functionName));
  const versionIds = versions.data?.versions.map((v) => v.versionId) ?? [];
  const aliasList = aliases.data?.aliases ?? [];
  // A qualifier from the address that is not (or not yet) listed stays choosable, so the select shows it.
  const known = value === LATEST || versionIds.includes(value) || aliasList.some((a) => a.aliasName === value);
  return (
    <TextField
      select
      size="small"
      label={t('lists.qualifier.label')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 200, maxWidth: '100%' }}
    >
      <MenuItem value={LATEST}>{LATEST}</MenuItem>
      {known ? null : <MenuItem value={value}>{value}</MenuItem>}
      {versionIds.map((id) => (
        <MenuItem key={`v-${id}`} value={id}>
          {t('lists.qualifier.version', { id })}
        </MenuItem>
      ))}
      {aliasList.map((alias) => (
        <MenuItem key={`a-${alias.aliasName}`} value={alias.aliasName}>
          {t('lists.qualifier.alias', { name: alias.aliasName, version: alias.versionId })}
        </MenuItem>
      ))}
    </TextField>
  );
}
