import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvocationMode, InvokeInput, TestRequest } from '../../../../contract/invocation';
import type { SnippetInput } from '../../../../contract/snippet';
import { useErrorText } from '../../../components/use-error-text';
import { formatTime } from '../../../lib/format';
import { fetchSnippet } from './snippet-api';

export type CopyRequestMenuProps = {
  functionName: string;
  request: TestRequest;
  mode: InvocationMode;
  /** The HTTP trigger the request goes through; without one (an event test) there is nothing to copy. */
  triggerName?: string;
  endpoint: 'internet' | 'intranet';
  auth?: InvokeInput['auth'];
};

type Format = 'curl' | 'fetch';

/** "Copy as cURL" (and, in its menu, "Copy as fetch") for the current test request, confirmed by a snackbar. */
export function CopyRequestMenu({ functionName, request, mode, triggerName, endpoint, auth }: CopyRequestMenuProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const menuId = useId();
  const snippet = useMutation({ mutationFn: (input: SnippetInput) => fetchSnippet(functionName, input) });

  if (request.kind !== 'http' || !triggerName) return null;

  const copy = async (format: Format) => {
    setMenuAnchor(null);
    let text: string;
    let copied = format === 'curl' ? t('snippets.copiedCurl') : t('snippets.copiedFetch');
    try {
      const result = await snippet.mutateAsync({ request, mode, triggerName, endpoint, ...(auth ? { auth } : {}) });
      text = result[format];
      if (result.expiresAt)
        copied = t('snippets.validUntil', { copied, time: formatTime(result.expiresAt, i18n.language) });
    } catch (error) {
      setNotice(t('snippets.failed', { message: errorText(error) }));
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setNotice(copied);
    } catch {
      setNotice(t('snippets.copyFailed'));
    }
  };

  return (
    <>
      <ButtonGroup variant="outlined" size="small" disabled={snippet.isPending}>
        <Button startIcon={<ContentCopyIcon />} onClick={() => void copy('curl')}>
          {t('snippets.copyCurl')}
        </Button>
        <Button
          aria-label={t('snippets.moreCopy')}
          aria-haspopup="menu"
          aria-expanded={menuAnchor !== null}
          aria-controls={menuAnchor ? menuId : undefined}
          onClick={(event) => setMenuAnchor(event.currentTarget)}
        >
          <ArrowDropDownIcon />
        </Button>
      </ButtonGroup>
      <Menu id={menuId} anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
        <MenuItem onClick={() => void copy('fetch')}>{t('snippets.copyFetch')}</MenuItem>
      </Menu>
      <Snackbar
        open={notice !== undefined}
        autoHideDuration={4000}
        onClose={() => setNotice(undefined)}
        message={notice}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      />
    </>
  );
}
