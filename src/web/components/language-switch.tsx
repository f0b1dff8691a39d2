import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n/i18n';
import { supportedLanguages } from '../i18n/resources';

/**
 * English / 日本語 in the app bar; the choice is remembered for the next visit. Two pressed-state
 * buttons rather than a menu: a menu would bring MUI's popover into the first download.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <ButtonGroup role="group" aria-label={t('language.label')} size="small" color="inherit" sx={{ ml: 2 }}>
      {supportedLanguages.map((lng) => (
        <Button
          key={lng}
          lang={lng}
          aria-pressed={lng === current}
          variant={lng === current ? 'contained' : 'outlined'}
          disableElevation
          onClick={() => void chooseLanguage(lng)}
          sx={{ textTransform: 'none', ...(lng === current ? { color: 'primary.main', bgcolor: 'common.white' } : {}) }}
        >
          {t(`language.${lng}`)}
        </Button>
      ))}
    </ButtonGroup>
  );
}
