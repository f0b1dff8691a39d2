import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeFile } from '../../../contract/function';
import { languageOf } from './code-language';

// The editor and its grammars are the console's largest dependency: their own chunk, on demand.
const CodeEditor = lazy(() => import('./code-editor'));

type Props = {
  file: CodeFile;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
};

/** One file of the code: the editor, or a note for a binary file. */
export function CodeFileView({ file, value, onChange, readOnly }: Props) {
  const { t } = useTranslation();
  const language = languageOf(file.path);
  return (
    <Paper variant="outlined" component="section" aria-label={file.path} sx={{ overflow: 'hidden', minWidth: 0 }}>
      <Stack
        direction="row"
        spacing={2}
        sx={{ px: 2, py: 1, borderBottom: 1, borderColor: 'divider', alignItems: 'baseline' }}
      >
        <Typography variant="subtitle2" sx={{ fontFamily: 'monospace', flexGrow: 1, wordBreak: 'break-all' }}>
          {file.path}
        </Typography>
        {file.binary ? null : (
          <Typography variant="caption" color="text.secondary">
            {t(`editor.language.${language}`)}
          </Typography>
        )}
      </Stack>
      {file.binary ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          {t('editor.binary', { size: file.size })}
        </Typography>
      ) : (
        // Until the editor's chunk arrives, the text is already there to read.
        <Suspense
          fallback={
            <Box
              component="pre"
              aria-busy="true"
              sx={{ m: 0, p: 2, fontSize: 13, lineHeight: 1.5, height: 480, overflow: 'auto' }}
            >
              <code>{value}</code>
            </Box>
          }
        >
          <CodeEditor
            key={file.path}
            value={value}
            onChange={onChange}
            language={language}
            label={file.path}
            readOnly={readOnly}
          />
        </Suspense>
      )}
    </Paper>
  );
}
