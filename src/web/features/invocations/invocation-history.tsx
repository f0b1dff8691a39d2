import HistoryIcon from '@mui/icons-material/History';
import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvocationResult } from '../../../contract/invocation';
import { formatDateTime } from '../../lib/format';
import { invocationQueries } from './queries';

/** The last 50 tests of the function, newest first; choosing one shows it again. */
export function InvocationHistory({
  functionName,
  onOpen,
}: {
  functionName: string;
  onOpen: (result: InvocationResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const history = useQuery(invocationQueries.history(functionName));
  const items = history.data?.invocations ?? [];

  return (
    <>
      <Button
        size="small"
        startIcon={<HistoryIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={Boolean(anchor)}
        disabled={items.length === 0}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t('invocations.history.open', { count: items.length })}
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { maxHeight: 420 } } }}
      >
        {items.map((item) => (
          <MenuItem
            key={item.id}
            onClick={() => {
              onOpen(item);
              setAnchor(null);
            }}
          >
            <ListItemText
              primary={`${item.status} ${item.statusText} · ${item.kind === 'http' && item.request.kind === 'http' ? `${item.request.method} ${item.request.path}` : t('invocations.history.event')}`}
              secondary={`${t(`invocations.mode.${item.mode}`)} · ${formatDateTime(item.invokedAt, i18n.language)} · ${t('invocations.result.duration', { ms: item.durationMs })}`}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
