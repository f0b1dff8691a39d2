import { useTranslation } from 'react-i18next';
import { RESOURCE_NAME_MAX } from '../../../contract/names';
import { PrefixSearch } from '../../components/prefix-search';

/** Search by function name prefix, as FC's ListFunctions offers. */
export function FunctionSearch(props: { prefix: string; onSearch: (prefix: string) => void }) {
  const { t } = useTranslation();
  return (
    <PrefixSearch
      {...props}
      label={t('layout.search.functions')}
      placeholder={t('layout.search.placeholder')}
      maxLength={RESOURCE_NAME_MAX}
    />
  );
}
