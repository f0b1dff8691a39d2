import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_REQUESTS_IMPORT_MAX_BYTES, type SavedTestRequest } from '../../../contract/invocation';
import { ErrorAlert } from '../../components/error-alert';
import { useValidationText } from '../../i18n/use-validation-text';
import { formatBytes } from '../../lib/format';
import { createTestRequest, testRequestQueries } from './queries';
import { freeName, readImportFile, type ImportProblem } from './saved-requests-import';

type Props = { functionName: string; saved: SavedTestRequest[] };
type Outcome = { problem: ImportProblem } | { imported: number; renamed: number };

/**
 * Import JSON: adds the requests of an exported file through the same route as Save as new, one by one. Nothing
 * saved is replaced: a name already taken gets a number.
 */
export function ImportRequestsButton({ functionName, saved }: Props) {
  const { t, i18n } = useTranslation();
  const text = useValidationText();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  const importing = useMutation({
    mutationFn: async (file: File): Promise<Outcome> => {
      const read = await readImportFile(file);
      if (!read.ok) return { problem: read.problem };
      const taken = new Set(saved.map((s) => s.name));
      let renamed = 0;
      try {
        for (const { name, request } of read.requests) {
          const free = freeName(name, taken);
          if (free !== name) renamed += 1;
          taken.add(free);
          await createTestRequest(functionName, free, request);
        }
      } finally {
        await queryClient.invalidateQueries({ queryKey: testRequestQueries.all(functionName) });
      }
      return { imported: read.requests.length, renamed };
    },
    onSuccess: setOutcome,
  });

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again
    setOutcome(undefined);
    if (file) importing.mutate(file);
  };

  const problemText = (problem: ImportProblem) => {
    if (problem.kind === 'tooLarge')
      return t('invocations.saved.importTooLarge', {
        limit: formatBytes(TEST_REQUESTS_IMPORT_MAX_BYTES, i18n.language),
      });
    if (problem.kind === 'notJson') return t('invocations.saved.importNotJson');
    const details = problem.issues.map(({ path, message }) => `${path || '/'}: ${text(message)}`).join(' ');
    return t('invocations.saved.importInvalid', { details });
  };

  return (
    <>
      <Button size="small" startIcon={<UploadIcon />} component="label" disabled={importing.isPending}>
        {t('invocations.saved.import')}
        <input type="file" accept="application/json,.json" hidden onChange={choose} />
      </Button>
      {outcome && 'problem' in outcome ? (
        <Alert severity="error" onClose={() => setOutcome(undefined)} sx={{ flexBasis: '100%' }}>
          {problemText(outcome.problem)}
        </Alert>
      ) : null}
      {outcome && 'imported' in outcome ? (
        <Alert severity="success" onClose={() => setOutcome(undefined)} sx={{ flexBasis: '100%' }}>
          {t('invocations.saved.imported', { count: outcome.imported })}
          {outcome.renamed > 0 ? ` ${t('invocations.saved.importRenamed', { count: outcome.renamed })}` : ''}
        </Alert>
      ) : null}
      {importing.isError ? (
        <ErrorAlert error={importing.error} title={t('invocations.saved.importFailed')} sx={{ flexBasis: '100%' }} />
      ) : null}
    </>
  );
}
