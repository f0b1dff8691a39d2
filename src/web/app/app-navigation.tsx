import DnsIcon from '@mui/icons-material/Dns';
import FunctionsIcon from '@mui/icons-material/Functions';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { RouterLink } from '../lib/router-link';

type NavItem = { path: string; labelKey: string; Icon: ComponentType };

/** The console's sections, in the order the navigation shows them; a new section is one more entry. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/functions', labelKey: 'nav.functions', Icon: FunctionsIcon },
  { path: '/custom-domains', labelKey: 'nav.customDomains', Icon: DnsIcon },
];

const isCurrent = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** The sections as a list of links, the current one marked; `onNavigate` closes the phone's drawer. */
export function NavigationList({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const [pathname] = useLocation();
  return (
    <List>
      {NAV_ITEMS.map(({ path, labelKey, Icon }) => {
        const current = isCurrent(pathname, path);
        return (
          <ListItem key={path} disablePadding>
            <ListItemButton
              component={RouterLink}
              to={path}
              selected={current}
              aria-current={current ? 'page' : undefined}
              onClick={onNavigate}
            >
              <ListItemIcon>
                <Icon />
              </ListItemIcon>
              <ListItemText primary={t(labelKey)} />
            </ListItemButton>
          </ListItem>
        );
      })}
    </List>
  );
}
