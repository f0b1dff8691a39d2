import { enUS, jaJP } from '@mui/material/locale';
import { createTheme, type Theme, type ThemeOptions } from '@mui/material/styles';

const options: ThemeOptions = {
  palette: {
    primary: { main: '#1f5fbf' },
    // MUI's orange and light blue give white text 3.1:1 and 3.9:1 (a 4xx badge, an info chip); these give 4.5:1 or more.
    warning: { main: '#b45309' },
    info: { main: '#01579b' },
    background: { default: '#f5f6f8' },
  },
  // Buttons read as written ("Copy as cURL"), not in MUI's default capitals.
  typography: { fontFamily: 'Roboto, "Helvetica Neue", Arial, sans-serif', button: { textTransform: 'none' } },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTextField: { defaultProps: { size: 'small' } },
  },
};

const localized = new Map<string, Theme>();

/**
 * The theme with MUI's own texts (pagination, Autocomplete's "No options", …) in the console's
 * language, built once per language from the options (not from a built theme: merging one is the
 * costlier half of the first page's theme work on a phone).
 */
export function themeFor(language: string): Theme {
  let found = localized.get(language);
  if (!found) {
    found = createTheme(options, language === 'ja' ? jaJP : enUS);
    localized.set(language, found);
  }
  return found;
}
