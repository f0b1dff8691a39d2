import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import { useRoute } from 'wouter';
import { TruncatedText } from '../components/truncated-text';
import { RouterLink } from '../lib/router-link';

/** "Functions › name" on a function's page; the list itself needs no trail. */
export function AppBreadcrumbs() {
  const { t } = useTranslation();
  const [onFunction, params] = useRoute('/functions/:name');
  if (!onFunction) return null;
  return (
    <Breadcrumbs
      aria-label={t('nav.breadcrumbs')}
      separator="›"
      sx={{ mb: 2, '& .MuiBreadcrumbs-ol': { flexWrap: 'nowrap' }, '& .MuiBreadcrumbs-li': { minWidth: 0 } }}
    >
      <Link component={RouterLink} to="/functions" underline="hover" color="inherit">
        {t('nav.functions')}
      </Link>
      <TruncatedText text={params.name} color="text.primary" aria-current="page" />
    </Breadcrumbs>
  );
}
