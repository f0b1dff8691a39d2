import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useCodeEdits } from '../features/code/code-edits-store';
import { CodeWorkspace } from '../features/code/code-workspace';
import { PublishedCode } from '../features/code/published-code';
import { CopyRequestMenu } from '../features/invocations/copy-request/copy-request-menu';
import { ErrorExplanation } from '../features/invocations/error-panel/error-explanation';
import { InvocationResultPanel } from '../features/invocations/invocation-result-panel';
import { TestFunctionProvider, useTestFunction } from '../features/invocations/test-function-context';
import { TestFunctionToolbar } from '../features/invocations/test-function-toolbar';
import type { InvocationResult } from '../../contract/invocation';

type Props = {
  functionName: string;
  /** A published version or alias chosen in the header: its code read-only, tested through it. */
  qualifier?: string;
  /** Opens the Edit Trigger panel for this trigger (the Triggers tab owns it). */
  onModifyTrigger: (triggerName: string) => void;
};

/** The Code tab as the seed describes it: edit and Deploy, then Test Function and its result below. */
export function CodeTestWorkspace({ functionName, qualifier, onModifyTrigger }: Props) {
  const edits = useCodeEdits(functionName);
  const toolbarExtra = <TestActions functionName={functionName} />;
  const bottomPanel = (deploy?: () => void) => (
    <InvocationResultPanel
      functionName={functionName}
      onDeploy={deploy}
      renderError={(result, { showLogs }) => (
        <ResultExplanation result={result} onShowLogs={showLogs} onModifyTrigger={onModifyTrigger} />
      )}
    />
  );
  if (qualifier)
    return (
      <TestFunctionProvider functionName={functionName} qualifier={qualifier}>
        <PublishedCode
          functionName={functionName}
          qualifier={qualifier}
          toolbarExtra={toolbarExtra}
          bottomPanel={bottomPanel()}
        />
      </TestFunctionProvider>
    );
  return (
    <TestFunctionProvider functionName={functionName} undeployedEdits={edits.size > 0}>
      <CodeWorkspace functionName={functionName} toolbarExtra={toolbarExtra} bottomPanel={bottomPanel} />
    </TestFunctionProvider>
  );
}

function TestActions({ functionName }: { functionName: string }) {
  const { params, mode } = useTestFunction();
  return (
    // minWidth 0 down to the toolbar: a 128-character trigger name is cut there, not widening the page.
    <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', minWidth: 0 }}>
      <Box sx={{ minWidth: 0, maxWidth: '100%' }}>
        <TestFunctionToolbar functionName={functionName} />
      </Box>
      <CopyRequestMenu
        functionName={functionName}
        request={params.request}
        mode={mode}
        triggerName={params.triggerName}
        endpoint={params.endpoint ?? 'internet'}
        auth={params.auth}
      />
    </Stack>
  );
}

type ExplanationProps = {
  result: InvocationResult;
  onShowLogs: () => void;
  onModifyTrigger: (triggerName: string) => void;
};

function ResultExplanation({ result, onShowLogs, onModifyTrigger }: ExplanationProps) {
  const { triggers, params, setParams } = useTestFunction();
  const trigger = triggers?.find((candidate) => candidate.triggerName === result.triggerName);
  return (
    <ErrorExplanation
      result={result}
      trigger={trigger}
      onShowLogs={onShowLogs}
      onModifyTrigger={trigger ? () => onModifyTrigger(trigger.triggerName) : undefined}
      // The internal endpoint stays open when Disable Internet URL is on: the next test uses it.
      onUseInternalEndpoint={() => setParams({ ...params, endpoint: 'intranet' })}
    />
  );
}
