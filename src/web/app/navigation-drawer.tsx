import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import { useTranslation } from 'react-i18next';
import { NavigationList } from './app-navigation';

type Props = { open: boolean; onClose: () => void };

/** The navigation on a narrow screen: a drawer over the page, opened by the app bar's menu button. */
export default function NavigationDrawer({ open, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      ModalProps={{ keepMounted: true }}
      slotProps={{ paper: { 'aria-label': t('nav.main') } }}
    >
      <Box component="nav" aria-label={t('nav.main')} sx={{ width: 260 }}>
        <NavigationList onNavigate={onClose} />
      </Box>
    </Drawer>
  );
}
