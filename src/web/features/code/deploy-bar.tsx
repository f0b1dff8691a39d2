import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { changedFiles: number; pending: boolean; onDeploy: () => void; extra?: ReactNode };

/** Deploy, enabled once something changed, and what is waiting to be deployed. */
export function DeployBar({ changedFiles, pending, onDeploy, extra }: Props) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Button
        variant="contained"
        onClick={onDeploy}
        disabled={changedFiles === 0 || pending}
        startIcon={
          pending ? <CircularProgress size={16} color="inherit" aria-label={t('editor.deploying')} /> : undefined
        }
      >
        {t('editor.deploy')}
      </Button>
      {extra}
      <Typography role="status" variant="body2" color="warning.main" sx={{ minHeight: '1.5em' }}>
        {changedFiles > 0 ? (
          <>
            <span aria-hidden="true">● </span>
            {t('editor.undeployed', { count: changedFiles })}
          </>
        ) : null}
      </Typography>
    </Stack>
  );
}
