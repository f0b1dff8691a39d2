import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import ListSubheader from '@mui/material/ListSubheader';
import Stack from '@mui/material/Stack';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useEffect, useMemo, useState, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualifierChoices } from '../lib/qualifier-queries';

/** One choice: LATEST, a version or an alias; `group` heads the versions and the aliases where the form shows them. */
export type QualifierOption = { value: string; label: string; group?: string; disabled?: boolean };

type Props = {
  /** LATEST first, then the versions loaded so far, then the aliases. */
  options: QualifierOption[];
  paging: Pick<QualifierChoices, 'hasMore' | 'loading' | 'loadMore' | 'pagesLoaded'>;
  value: string;
  onChange: (qualifier: string) => void;
  onBlur?: () => void;
  textField: Pick<
    TextFieldProps,
    'label' | 'helperText' | 'error' | 'size' | 'inputRef' | 'name' | 'sx' | 'fullWidth' | 'required'
  >;
  /** The input's name where no label is shown (a table cell). */
  ariaLabel?: string;
};

const filter = createFilterOptions<QualifierOption>({ stringify: (option) => `${option.value} ${option.label}` });
/** Within this many pixels of the list's end, the next page loads. */
const NEAR_END = 48;
/** A typed search loads at most this many pages (of 100) by itself, then asks before going on. */
export const SEARCH_PAGES = 5;

/** What is typed, how many pages were loaded when it was, and how many it may load by itself. */
type Search = { term: string; from: number; budget: number };

/**
 * A Version/Alias picker that reaches every version and alias, however many: typing searches (pages
 * load until the typed qualifier is found, none remain, or SEARCH_PAGES were loaded for it, when the
 * list offers to search further), and scrolling or arrowing to the end of the list loads the next page.
 * A value that is not (or not yet) listed stays shown.
 */
export function QualifierAutocomplete({ options, paging, value, onChange, onBlur, textField, ariaLabel }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [search, setSearch] = useState<Search>({ term: '', from: 0, budget: SEARCH_PAGES });
  const listed = options.some((option) => option.value === value);
  const all = listed ? options : [...options.slice(0, 1), { value, label: value }, ...options.slice(1)];
  const label = all.find((option) => option.value === value)!.label;
  // One object while the choice stands: a new one would tell the Autocomplete the value changed and reset the typed text.
  const selected = useMemo<QualifierOption>(() => ({ value, label }), [value, label]);
  const wanted = input.trim();
  const searching = wanted !== '' && wanted !== selected.label;
  const found = all.some((option) => option.value === wanted || option.label === wanted);
  const { hasMore, loading, loadMore, pagesLoaded } = paging;
  const stopped = searching && !found && hasMore && pagesLoaded - search.from >= search.budget;

  useEffect(() => {
    if (searching && !found && hasMore && !loading && !stopped) loadMore();
  }, [searching, found, hasMore, loading, stopped, loadMore]);

  const searchFurther = () => setSearch({ ...search, budget: search.budget + SEARCH_PAGES });
  const grouped = all.some((option) => option.group);
  return (
    <Autocomplete
      options={all}
      value={selected}
      disableClearable
      autoHighlight
      loading={loading}
      filterOptions={filter}
      noOptionsText={
        stopped ? (
          <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
            <span>{t('lists.qualifier.searchStopped', { term: wanted, count: options.length - 1 })}</span>
            <span>{t('lists.qualifier.searchFurtherHint')}</span>
            <Button size="small" onClick={searchFurther}>
              {t('lists.qualifier.searchFurther')}
            </Button>
          </Stack>
        ) : (
          t('lists.qualifier.noMatch')
        )
      }
      groupBy={grouped ? (option) => option.group ?? '' : undefined}
      renderGroup={({ key, group, children }) => (
        <li key={key}>
          {group ? <ListSubheader component="div">{group}</ListSubheader> : null}
          <ul style={{ padding: 0 }}>{children}</ul>
        </li>
      )}
      getOptionLabel={(option) => option.label}
      getOptionKey={(option) => `${option.group ?? ''}:${option.value}`}
      getOptionDisabled={(option) => Boolean(option.disabled)}
      isOptionEqualToValue={(option, chosen) => option.value === chosen.value}
      inputValue={input}
      // The button sits in the popup, which closes when Tab leaves the field: Enter there is the keyboard's way.
      onKeyDown={(event) => {
        if (!stopped || event.key !== 'Enter') return;
        (event as typeof event & { defaultMuiPrevented?: boolean }).defaultMuiPrevented = true;
        event.preventDefault();
        searchFurther();
      }}
      onInputChange={(_, next) => {
        setInput(next);
        // Typing on (or back) goes on with the same search; another term starts one of its own.
        const term = next.trim();
        const continues =
          search.term !== '' && term !== '' && (term.startsWith(search.term) || search.term.startsWith(term));
        if (term !== search.term)
          setSearch(continues ? { ...search, term } : { term, from: pagesLoaded, budget: SEARCH_PAGES });
      }}
      onChange={(_, option) => onChange(option.value)}
      onBlur={onBlur}
      onHighlightChange={(_, option) => {
        if (option && option === all.at(-1) && hasMore) loadMore();
      }}
      slotProps={{
        listbox: {
          onScroll: (event: UIEvent<HTMLElement>) => {
            const list = event.currentTarget;
            if (hasMore && list.scrollTop + list.clientHeight >= list.scrollHeight - NEAR_END) loadMore();
          },
        },
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          {...textField}
          slotProps={{ htmlInput: { ...params.inputProps, ...(ariaLabel ? { 'aria-label': ariaLabel } : {}) } }}
        />
      )}
    />
  );
}
