import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import { useTranslation } from 'react-i18next';
import type { CodeFile } from '../../../contract/function';

// Read by screen readers, not shown: the dot says it to everyone else.
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
} as const;

type Props = {
  files: CodeFile[];
  selected: string | undefined;
  changed: ReadonlySet<string>;
  onSelect: (path: string) => void;
};

/** The code's files, each a button (Tab reaches it, Enter opens it); a changed file carries a dot. */
export function CodeFileList({ files, selected, changed, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" component="nav" aria-label={t('code.files')} sx={{ alignSelf: 'start' }}>
      <List dense disablePadding>
        {files.map((file) => (
          <ListItem key={file.path} disablePadding>
            <ListItemButton
              selected={file.path === selected}
              aria-current={file.path === selected ? 'true' : undefined}
              onClick={() => onSelect(file.path)}
            >
              <ListItemText
                primary={file.path}
                slotProps={{ primary: { sx: { fontFamily: 'monospace', wordBreak: 'break-all' } } }}
              />
              {changed.has(file.path) ? (
                <Box component="span" sx={{ color: 'warning.main', fontSize: 18, lineHeight: 1, pl: 1 }}>
                  <span aria-hidden="true">●</span>
                  <Box component="span" sx={visuallyHidden}>
                    {` (${t('editor.modified')})`}
                  </Box>
                </Box>
              ) : null}
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
