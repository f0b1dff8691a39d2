import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CopyButton } from '../../components/copy-button';

/** A domain's URL as text with its copy button; what is copied is what is shown. */
export function DomainUrl({ url, copyLabel }: { url: string; copyLabel: string }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <Typography variant="body2" component="code" sx={{ wordBreak: 'break-all' }}>
        {url}
      </Typography>
      <CopyButton text={url} label={copyLabel} />
    </Box>
  );
}
