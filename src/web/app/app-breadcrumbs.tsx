import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useMatches } from 'react-router';
import type { RouteHandle } from './routes';

/** "Functions › name", from the `crumbs` of the deepest matched route. */
export function AppBreadcrumbs() {
  const { t } = useTranslation();
  const matches = useMatches();
  const match = [...matches].reverse().find((m) => (m.handle as RouteHandle | undefined)?.crumbs);
  const crumbs = (match?.handle as RouteHandle | undefined)?.crumbs.map((crumb) => crumb(match?.params ?? {}, t)) ?? [];
  if (crumbs.length < 2) return null;
  return (
    <Breadcrumbs aria-label={t('nav.breadcrumbs')} separator="›" sx={{ mb: 2 }}>
      {crumbs.map((crumb, i) =>
        i < crumbs.length - 1 && crumb.to ? (
          <Link key={i} component={RouterLink} to={crumb.to} underline="hover" color="inherit">
            {crumb.label}
          </Link>
        ) : (
          <Typography key={i} color="text.primary" aria-current="page">
            {crumb.label}
          </Typography>
        ),
      )}
    </Breadcrumbs>
  );
}
