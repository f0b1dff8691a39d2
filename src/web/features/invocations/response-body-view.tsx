import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseBody } from '../../../contract/invocation';
import { formatBytes } from '../../lib/format';
import { base64Bytes, hexDump, prettyJson } from './hex-dump';

export const monospaceBox = {
  m: 0,
  p: 1.5,
  fontFamily: 'monospace',
  fontSize: 13,
  lineHeight: 1.5,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  bgcolor: 'grey.50',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  maxHeight: 360,
  overflow: 'auto',
} as const;

/**
 * The response body, always as text (a function's HTML is shown as its source, never rendered):
 * Pretty for JSON, Raw, or for binary a hex dump of the first 256 bytes and the size.
 */
export function ResponseBodyView({ body }: { body: ResponseBody }) {
  const { t, i18n } = useTranslation();
  const pretty = body.encoding === 'text' ? prettyJson(body.data) : undefined;
  const views =
    body.encoding === 'base64'
      ? (['hex'] as const)
      : pretty !== undefined
        ? (['pretty', 'raw'] as const)
        : (['raw'] as const);
  const [chosen, setChosen] = useState<string>(views[0]);
  const view = (views as readonly string[]).includes(chosen) ? chosen : views[0];

  const size = t('invocations.result.size', { size: formatBytes(body.size, i18n.language), bytes: body.size });
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Tabs
          value={view}
          onChange={(_, next: string) => setChosen(next)}
          aria-label={t('invocations.result.bodyViews')}
        >
          {views.map((v) => (
            <Tab key={v} value={v} label={t(`invocations.result.view.${v}`)} />
          ))}
        </Tabs>
        <Typography variant="caption" color="text.secondary">
          {[size, body.contentType, body.truncated ? t('invocations.result.truncated') : undefined]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </Box>
      <Box component="pre" sx={monospaceBox}>
        {view === 'hex' ? hexDump(base64Bytes(body.data)) : view === 'pretty' ? pretty : body.data}
      </Box>
    </Box>
  );
}
