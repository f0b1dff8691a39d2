import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import Snackbar from '@mui/material/Snackbar';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { text: string; label: string; disabled?: boolean };

/** Copies `text` and confirms it; `label` says what is copied ("Copy public endpoint"). */
export function CopyButton({ text, label, disabled }: Props) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | undefined>();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNotice(t('common.copied'));
    } catch {
      setNotice(t('common.copyFailed'));
    }
  };

  const button = (
    <IconButton size="small" aria-label={label} onClick={() => void copy()} disabled={disabled}>
      <ContentCopyIcon fontSize="inherit" />
    </IconButton>
  );
  return (
    <>
      {disabled ? (
        button
      ) : (
        // Beside the button and never catching the pointer: copy buttons sit stacked and side by side, and a
        // tooltip above or below one would lie over its neighbour.
        <Tooltip title={label} placement="left" disableInteractive>
          {button}
        </Tooltip>
      )}
      <Snackbar
        open={notice !== undefined}
        autoHideDuration={2500}
        onClose={() => setNotice(undefined)}
        message={notice}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      />
    </>
  );
}
