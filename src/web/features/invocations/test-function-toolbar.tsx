import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import CheckIcon from '@mui/icons-material/Check';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import TuneIcon from '@mui/icons-material/Tune';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVOCATION_MODES } from '../../../contract/invocation';
import { ErrorAlert } from '../../components/error-alert';
import { ConfigureTestDialog } from './configure-test-dialog';
import { useTestFunction } from './test-function-context';

/**
 * The Code tab's Test Function split button (seed step 3): the button runs a test; the icon to its
 * right chooses Sync Invocation or Async Invocation for the next click. Beside it, Configure Test
 * Parameters. Needs a TestFunctionProvider for `functionName` around it.
 */
export function TestFunctionToolbar({ functionName }: { functionName: string }) {
  const { t } = useTranslation();
  const test = useTestFunction();
  const [group, setGroup] = useState<HTMLDivElement | null>(null);
  const menuId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const [configuring, setConfiguring] = useState(false);
  const { request } = test.params;
  const target =
    request.kind === 'http'
      ? t('invocations.toolbar.httpTarget', {
          method: request.method,
          path: request.path,
          trigger: test.params.triggerName,
        })
      : t('invocations.toolbar.eventTarget');

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <ButtonGroup variant="contained" ref={setGroup} aria-label={t('invocations.toolbar.label')}>
          <Button
            onClick={test.run}
            disabled={test.running || test.triggers === undefined}
            startIcon={test.running ? <CircularProgress size={16} color="inherit" /> : <PlayArrowIcon />}
          >
            {t('invocations.toolbar.test')}
          </Button>
          <Button
            size="small"
            aria-label={t('invocations.toolbar.chooseMode')}
            aria-haspopup="menu"
            aria-controls={menuOpen ? menuId : undefined}
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(true)}
          >
            <ArrowDropDownIcon />
          </Button>
        </ButtonGroup>
        {test.mode === 'async' ? (
          <Chip size="small" color="primary" variant="outlined" label={t('invocations.mode.async')} />
        ) : null}
        <Button
          variant="outlined"
          startIcon={<TuneIcon />}
          onClick={() => setConfiguring(true)}
          disabled={test.triggers === undefined}
        >
          {t('invocations.toolbar.configure')}
        </Button>
        <Typography
          variant="body2"
          color="text.secondary"
          noWrap
          title={target}
          sx={{ fontFamily: 'monospace', minWidth: 0, maxWidth: '100%' }}
        >
          {target}
        </Typography>
      </Stack>
      <Menu id={menuId} anchorEl={group} open={menuOpen} onClose={() => setMenuOpen(false)}>
        {INVOCATION_MODES.map((mode) => (
          <MenuItem
            key={mode}
            role="menuitemradio"
            aria-checked={test.mode === mode}
            selected={test.mode === mode}
            onClick={() => {
              test.setMode(mode);
              setMenuOpen(false);
            }}
          >
            <ListItemIcon>{test.mode === mode ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
            <ListItemText>{t(`invocations.mode.${mode}`)}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
      {test.runError ? (
        <ErrorAlert error={test.runError} title={t('invocations.toolbar.failed')} sx={{ mt: 1 }} />
      ) : null}
      {configuring ? <ConfigureTestDialog functionName={functionName} onClose={() => setConfiguring(false)} /> : null}
    </Box>
  );
}
