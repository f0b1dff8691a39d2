import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language-switch';
import { AppBreadcrumbs } from './app-breadcrumbs';
import { NavigationList } from './app-navigation';
import { IsolationWarning } from './isolation-warning';
import { RegionSelect } from './region-select';
import { settingsQueries } from '../lib/settings-queries';

const NAV_WIDTH = 220;
/** Below this breakpoint the navigation folds into a drawer behind the menu button. */
const WIDE = 'md';
const MAIN_ID = 'main-content';

// The drawer (a modal) is needed only on a narrow screen, and only once the menu is opened.
const NavigationDrawer = lazy(() => import('./navigation-drawer'));

/** Hidden until focused: the first Tab of a page offers to jump over the app bar and navigation. */
const skipLinkSx = {
  position: 'absolute',
  left: 8,
  top: -48,
  zIndex: (theme: { zIndex: { appBar: number } }) => theme.zIndex.appBar + 1,
  bgcolor: 'background.paper',
  px: 2,
  py: 1,
  '&:focus': { top: 8 },
} as const;

/*
 * The parts that show the settings read them themselves: when the settings arrive only these render
 * again, not the whole layout (on a slow phone that render was one long task of the first page).
 */
function ConnectionChip() {
  const { t } = useTranslation();
  const settings = useQuery(settingsQueries.current()).data;
  if (!settings) return null;
  return (
    <>
      <Typography
        variant="body2"
        sx={{ border: 1, borderRadius: 4, px: 1.5, py: 0.25, display: { xs: 'none', sm: 'block' } }}
      >
        {t(settings.mode === 'local' ? 'app.localMode' : 'app.cloudMode', { region: settings.region })}
      </Typography>
      <RegionSelect settings={settings} />
    </>
  );
}

function SettingsIsolationWarning() {
  return <IsolationWarning settings={useQuery(settingsQueries.current()).data} />;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [drawer, setDrawer] = useState<'never' | 'open' | 'closed'>('never');
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Link href={`#${MAIN_ID}`} sx={skipLinkSx}>
        {t('layout.skipToMain')}
      </Link>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 1 }}>
          <IconButton
            color="inherit"
            edge="start"
            aria-label={t('layout.openNavigation')}
            aria-expanded={drawer === 'open'}
            onClick={() => setDrawer('open')}
            sx={{ display: { [WIDE]: 'none' } }}
          >
            <MenuIcon />
          </IconButton>
          <Typography variant="h6" component="div" noWrap sx={{ flexGrow: 1 }}>
            {t('app.title')}
          </Typography>
          <ConnectionChip />
          <LanguageSwitch />
        </Toolbar>
      </AppBar>
      <Box
        component="nav"
        aria-label={t('nav.main')}
        sx={{
          width: NAV_WIDTH,
          flexShrink: 0,
          borderRight: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
          display: { xs: 'none', [WIDE]: 'block' },
        }}
      >
        <Toolbar />
        <Box sx={{ position: 'sticky', top: 64 }}>
          <NavigationList />
        </Box>
      </Box>
      {drawer === 'never' ? null : (
        <Suspense fallback={null}>
          <NavigationDrawer open={drawer === 'open'} onClose={() => setDrawer('closed')} />
        </Suspense>
      )}
      <Box
        component="main"
        id={MAIN_ID}
        tabIndex={-1}
        sx={{ flexGrow: 1, p: { xs: 2, sm: 3 }, minWidth: 0, '&:focus': { outline: 'none' } }}
      >
        <Toolbar />
        <SettingsIsolationWarning />
        <AppBreadcrumbs />
        {children}
      </Box>
    </Box>
  );
}
