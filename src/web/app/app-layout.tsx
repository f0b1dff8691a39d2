import DnsIcon from '@mui/icons-material/Dns';
import FunctionsIcon from '@mui/icons-material/Functions';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { LanguageSwitch } from '../components/language-switch';
import { RouterLink } from '../lib/router-link';
import { AppBreadcrumbs } from './app-breadcrumbs';
import { IsolationWarning } from './isolation-warning';
import { settingsQueries } from '../lib/settings-queries';

const NAV_WIDTH = 220;

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [pathname] = useLocation();
  const onFunctions = pathname === '/functions' || pathname.startsWith('/functions/');
  const onDomains = pathname === '/custom-domains' || pathname.startsWith('/custom-domains/');
  const settings = useQuery(settingsQueries.current());
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            {t('app.title')}
          </Typography>
          {settings.data ? (
            <Typography variant="body2" sx={{ border: 1, borderRadius: 4, px: 1.5, py: 0.25 }}>
              {t(settings.data.mode === 'local' ? 'app.localMode' : 'app.cloudMode', { region: settings.data.region })}
            </Typography>
          ) : null}
          <LanguageSwitch />
        </Toolbar>
      </AppBar>
      <Box
        component="nav"
        aria-label={t('nav.main')}
        sx={{ width: NAV_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
      >
        <Toolbar />
        <Box sx={{ position: 'sticky', top: 64 }}>
          <List>
            <ListItemButton
              component={RouterLink}
              to="/functions"
              selected={onFunctions}
              aria-current={onFunctions ? 'page' : undefined}
            >
              <ListItemIcon>
                <FunctionsIcon />
              </ListItemIcon>
              <ListItemText primary={t('nav.functions')} />
            </ListItemButton>
            <ListItemButton
              component={RouterLink}
              to="/custom-domains"
              selected={onDomains}
              aria-current={onDomains ? 'page' : undefined}
            >
              <ListItemIcon>
                <DnsIcon />
              </ListItemIcon>
              <ListItemText primary={t('nav.customDomains')} />
            </ListItemButton>
          </List>
        </Box>
      </Box>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        <IsolationWarning settings={settings.data} />
        <AppBreadcrumbs />
        {children}
      </Box>
    </Box>
  );
}
