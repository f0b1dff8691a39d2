import { useTranslation } from 'react-i18next';
import { LATEST } from '../../../contract/names';
import { QualifierAutocomplete, type QualifierOption } from '../../components/qualifier-autocomplete';
import { useQualifierChoices } from '../../lib/qualifier-queries';

type Props = {
  functionName: string;
  /** LATEST, a version id or an alias name. */
  value: string;
  onChange: (qualifier: string) => void;
};

/** The function header's Version/Alias selector, as the FC console has it: LATEST, the versions, the aliases. */
export function QualifierSelect({ functionName, value, onChange }: Props) {
  const { t } = useTranslation();
  const choices = useQualifierChoices(functionName);
  const options: QualifierOption[] = [
    { value: LATEST, label: LATEST },
    ...choices.versions.map((id) => ({ value: id, label: t('lists.qualifier.version', { id }) })),
    ...choices.aliases.map((alias) => ({
      value: alias.aliasName,
      label: t('lists.qualifier.alias', { name: alias.aliasName, version: alias.versionId }),
    })),
  ];
  return (
    <QualifierAutocomplete
      options={options}
      paging={choices}
      value={value}
      onChange={onChange}
      textField={{ label: t('lists.qualifier.label'), size: 'small', sx: { minWidth: 240, maxWidth: '100%' } }}
    />
  );
}
