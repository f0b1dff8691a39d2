import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useTranslation } from 'react-i18next';

type Props = { asked: string; region: string; local: boolean; onClose: () => void };

/** Why a link's region was not used (loaded only when one was not): it stays until closed. */
export default function RegionNotice({ asked, region, local, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Snackbar open anchorOrigin={{ vertical: 'top', horizontal: 'center' }} sx={{ top: { xs: 64, sm: 72 } }}>
      <Alert severity="warning" variant="filled" onClose={onClose}>
        {t(local ? 'lists.region.ignoredLocal' : 'lists.region.ignored', { asked, region })}
      </Alert>
    </Snackbar>
  );
}
