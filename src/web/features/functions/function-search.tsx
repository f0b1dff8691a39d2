import ClearIcon from '@mui/icons-material/Clear';
import SearchIcon from '@mui/icons-material/Search';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESOURCE_NAME_MAX } from '../../../contract/names';

type Props = { prefix: string; onSearch: (prefix: string) => void };

/** Search by name prefix, as FC's ListFunctions offers: the names FC answers start with it. */
export function FunctionSearch({ prefix, onSearch }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(prefix);
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft.trim());
      }}
    >
      <OutlinedInput
        size="small"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        placeholder={t('layout.search.placeholder')}
        inputProps={{ 'aria-label': t('layout.search.functions'), maxLength: RESOURCE_NAME_MAX }}
        sx={{ width: { xs: '100%', sm: 320 } }}
        endAdornment={
          <InputAdornment position="end">
            {draft ? (
              <IconButton
                aria-label={t('layout.search.clear')}
                size="small"
                onClick={() => {
                  setDraft('');
                  onSearch('');
                }}
              >
                <ClearIcon fontSize="small" />
              </IconButton>
            ) : null}
            <IconButton type="submit" aria-label={t('layout.search.submit')} edge="end" size="small">
              <SearchIcon fontSize="small" />
            </IconButton>
          </InputAdornment>
        }
      />
    </form>
  );
}
