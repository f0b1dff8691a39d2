import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeDeploy, CodeFile } from '../../../contract/function';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { isApiError } from '../../lib/api-client';
import { codeEditsStore, useCodeEdits, type CodeEdits } from './code-edits-store';
import { CodeFileList } from './code-file-list';
import { CodeFileView } from './code-file-view';
import { DeployBar } from './deploy-bar';
import { DeployConflict } from './deploy-conflict';
import { LeaveGuard } from './leave-guard';
import { codeQueries, deployCode } from './queries';

type Props = {
  functionName: string;
  /** Beside Deploy (the page puts Test Function there). */
  toolbarExtra?: ReactNode;
  /** Under the editor (the page puts the test result there), given Deploy while there are edits to deploy. */
  bottomPanel?: (deploy: (() => void) | undefined) => ReactNode;
};

function changedFiles(files: CodeFile[], edits: CodeEdits): CodeDeploy['files'] {
  return files.flatMap((file) => {
    const content = edits.get(file.path);
    return !file.binary && content !== undefined && content !== file.content ? [{ path: file.path, content }] : [];
  });
}

/** The Code tab: the code's files in an editor, and Deploy for what changed. */
export function CodeWorkspace({ functionName, toolbarExtra, bottomPanel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const code = useQuery(codeQueries.files(functionName));
  const edits = useCodeEdits(functionName);
  const [selected, setSelected] = useState<string | undefined>();
  const [deployedNotice, setDeployedNotice] = useState(false);

  const deploy = useMutation({
    mutationFn: ({ files, base }: { files: CodeDeploy['files']; base: string | undefined }) =>
      deployCode(functionName, files, base),
    onSuccess: (fn, { files }) => {
      const deployed = new Map(files.map((f) => [f.path, f.content]));
      // The deployed text is now the code: show it at once, under the new checksum, then re-read.
      queryClient.setQueryData(codeQueries.files(functionName).queryKey, (old) =>
        old
          ? {
              checksum: fn.codeChecksum,
              files: old.files.map((f) => {
                const content = deployed.get(f.path);
                return content === undefined ? f : { ...f, content, size: new TextEncoder().encode(content).length };
              }),
            }
          : old,
      );
      codeEditsStore.discard(functionName, deployed.keys());
      void queryClient.invalidateQueries({ queryKey: codeQueries.all(functionName) });
      setDeployedNotice(true);
    },
  });

  if (code.isPending) return <PageLoading />;
  if (code.isError)
    return <ErrorAlert error={code.error} title={t('code.loadFailed')} onRetry={() => void code.refetch()} />;
  const files = code.data.files;
  const changes = changedFiles(files, edits);
  const changed = new Set(changes.map((f) => f.path));
  const file = files.find((f) => f.path === selected) ?? files.find((f) => !f.binary) ?? files[0];
  const conflict = isApiError(deploy.error) && deploy.error.code === 'CodeChanged';
  const reload = () => {
    codeEditsStore.discard(functionName);
    deploy.reset();
    void queryClient.invalidateQueries({ queryKey: codeQueries.all(functionName) });
  };

  const deployEdits = () => deploy.mutate({ files: changes, base: codeEditsStore.baseOf(functionName) });

  return (
    <Stack spacing={2}>
      <DeployBar changedFiles={changes.length} pending={deploy.isPending} onDeploy={deployEdits} extra={toolbarExtra} />
      {conflict ? (
        <DeployConflict
          functionName={functionName}
          pending={deploy.isPending}
          onReload={reload}
          onOverwrite={() => deploy.mutate({ files: changes, base: undefined })}
        />
      ) : deploy.isError ? (
        <ErrorAlert error={deploy.error} title={t('editor.deployFailed')} />
      ) : null}
      {files.length === 0 ? (
        <EmptyState title={t('code.empty')} />
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '240px minmax(0, 1fr)' }, gap: 2 }}>
          <CodeFileList files={files} selected={file?.path} changed={changed} onSelect={setSelected} />
          {file ? (
            <CodeFileView
              file={file}
              value={edits.get(file.path) ?? file.content}
              onChange={(content) =>
                codeEditsStore.edit(functionName, file.path, content, file.content, code.data.checksum)
              }
              readOnly={deploy.isPending}
            />
          ) : null}
        </Box>
      )}
      {bottomPanel?.(changes.length > 0 && !deploy.isPending ? deployEdits : undefined)}
      <LeaveGuard
        functionName={functionName}
        active={changes.length > 0}
        onLeave={() => codeEditsStore.discard(functionName)}
      />
      <Snackbar
        open={deployedNotice}
        autoHideDuration={3000}
        onClose={() => setDeployedNotice(false)}
        message={t('editor.deployed')}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      />
    </Stack>
  );
}
