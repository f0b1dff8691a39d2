import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { InvocationMode, InvocationResult } from '../../../contract/invocation';
import { LATEST } from '../../../contract/names';
import type { Trigger } from '../../../contract/trigger';
import { triggerQueries } from '../../lib/trigger-queries';
import { takePendingTestParams } from './pending-test-params';
import { asyncTaskQueries, invocationQueries, invoke } from './queries';
import { defaultParams, defaultTrigger, type TestParams } from './test-params';

export type TestFunctionState = {
  functionName: string;
  /** The function's HTTP triggers; undefined while they load. */
  triggers: Trigger[] | undefined;
  /** The trigger the next test goes through (none: an event payload with InvokeFunction). */
  trigger: Trigger | undefined;
  params: TestParams;
  setParams: (params: TestParams) => void;
  mode: InvocationMode;
  setMode: (mode: InvocationMode) => void;
  /** The result the Code tab shows: the last test, or one reopened from the history. */
  result: InvocationResult | undefined;
  showResult: (result: InvocationResult) => void;
  /** The result shown ran the deployed code while the editor had undeployed edits. */
  ranWithEdits: boolean;
  run: () => void;
  running: boolean;
  runError: unknown;
};

const TestFunctionContext = createContext<TestFunctionState | undefined>(undefined);

/** Holds what the Test Function toolbar and the result panel share; wrap both in it. */
type ProviderProps = {
  functionName: string;
  /** The Code tab's editor has edits not deployed yet: a test then runs the deployed code. */
  undeployedEdits?: boolean;
  /** A version or alias chosen on the page: tests go through its triggers, or InvokeFunction at it. */
  qualifier?: string;
  children: ReactNode;
};

export function TestFunctionProvider({ functionName, undeployedEdits = false, qualifier, children }: ProviderProps) {
  const queryClient = useQueryClient();
  const triggerList = useQuery(triggerQueries.list(functionName));
  // Triggers that cannot be listed leave the event payload: the test's own answer then says why.
  const listed = triggerList.data?.triggers ?? (triggerList.isError ? [] : undefined);
  const triggers = qualifier ? listed?.filter((t) => (t.qualifier || LATEST) === qualifier) : listed;
  const [configured, setParams] = useState<TestParams | undefined>(() => takePendingTestParams(functionName));
  const [mode, setMode] = useState<InvocationMode>('sync');
  const [result, setResult] = useState<InvocationResult | undefined>();
  const [ranWithEdits, setRanWithEdits] = useState(false);
  const showResult = (shown: InvocationResult) => {
    setResult(shown);
    setRanWithEdits(false); // a result from the history says nothing about today's edits
  };

  const trigger = configured
    ? triggers?.find((t) => t.triggerName === configured.triggerName)
    : triggers && defaultTrigger(triggers);
  const params = configured ?? defaultParams(trigger);

  const mutation = useMutation({
    mutationFn: () => invoke(functionName, { mode, ...params, ...(qualifier ? { qualifier } : {}) }),
    onSuccess: (answer) => {
      setResult(answer);
      setRanWithEdits(undeployedEdits);
      void queryClient.invalidateQueries({ queryKey: invocationQueries.history(functionName).queryKey });
      if (answer.mode === 'async') void queryClient.invalidateQueries({ queryKey: asyncTaskQueries.all(functionName) });
    },
  });

  const value: TestFunctionState = {
    functionName,
    triggers,
    trigger,
    params,
    setParams,
    mode,
    setMode,
    result,
    showResult,
    ranWithEdits,
    run: () => mutation.mutate(),
    running: mutation.isPending,
    runError: mutation.error ?? undefined,
  };
  return <TestFunctionContext.Provider value={value}>{children}</TestFunctionContext.Provider>;
}

export function useTestFunction(): TestFunctionState {
  const value = useContext(TestFunctionContext);
  if (!value) throw new Error('Test Function components need a <TestFunctionProvider functionName=…> around them.');
  return value;
}
