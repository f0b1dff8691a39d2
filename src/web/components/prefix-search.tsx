import ClearIcon from '@mui/icons-material/Clear';
import SearchIcon from '@mui/icons-material/Search';
import IconButton from '@mui/material/IconButton';
import Box from '@mui/material/Box';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  prefix: string;
  onSearch: (prefix: string) => void;
  /** The box's accessible name and its placeholder. */
  label: string;
  placeholder: string;
  maxLength: number;
};

/**
 * Search by prefix, as FC's List calls offer: the names FC answers start with it. A plain input rather
 * than MUI's: InputBase would weigh on the first download.
 */
export function PrefixSearch({ prefix, onSearch, label, placeholder, maxLength }: Props) {
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
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          width: { xs: '100%', sm: 360 },
          border: 1,
          borderColor: 'grey.500',
          borderRadius: 1,
          bgcolor: 'background.paper',
          pl: 1.5,
          '&:focus-within': { borderColor: 'primary.main', outline: 1, outlineColor: 'primary.main' },
        }}
      >
        <Box
          component="input"
          type="search"
          value={draft}
          onChange={(event: ChangeEvent<HTMLInputElement>) => setDraft(event.target.value)}
          placeholder={placeholder}
          aria-label={label}
          maxLength={maxLength}
          sx={{ flex: 1, minWidth: 0, border: 0, outline: 0, py: 1, font: 'inherit', bgcolor: 'transparent' }}
        />
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
        <IconButton type="submit" aria-label={t('layout.search.submit')} size="small">
          <SearchIcon fontSize="small" />
        </IconButton>
      </Box>
    </form>
  );
}
