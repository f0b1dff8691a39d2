import { useSyncExternalStore } from 'react';

/** Path → edited content. Only paths whose content differs from the deployed code are kept. */
export type CodeEdits = ReadonlyMap<string, string>;

const EMPTY: CodeEdits = new Map();
// Module-level so that edits survive the Code tab unmounting (switching to Triggers and back).
const editsByFunction = new Map<string, CodeEdits>();
// The code checksum the edits were made on: Deploy sends it as If-Match, whatever was fetched since.
const baseByFunction = new Map<string, string>();
const listeners = new Set<() => void>();

function publish(functionName: string, edits: Map<string, string>) {
  if (edits.size === 0) {
    editsByFunction.delete(functionName);
    baseByFunction.delete(functionName);
  } else editsByFunction.set(functionName, edits);
  for (const listener of listeners) listener();
}

export const codeEditsStore = {
  get: (functionName: string): CodeEdits => editsByFunction.get(functionName) ?? EMPTY,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** The checksum of the code the edits were made on; undefined without edits. */
  baseOf: (functionName: string): string | undefined => baseByFunction.get(functionName),
  /**
   * Record `content` for `path`; typing back the deployed text (`deployed`) is no change at all.
   * The first edit notes `checksum`, the code it was made on.
   */
  edit(functionName: string, path: string, content: string, deployed: string, checksum: string) {
    if (!baseByFunction.has(functionName)) baseByFunction.set(functionName, checksum);
    const edits = new Map(codeEditsStore.get(functionName));
    if (content === deployed) edits.delete(path);
    else edits.set(path, content);
    publish(functionName, edits);
  },
  /** Forget the edits of `paths` (all of them when omitted): deployed or discarded. */
  discard(functionName: string, paths?: Iterable<string>) {
    const edits = new Map(codeEditsStore.get(functionName));
    if (paths) for (const path of paths) edits.delete(path);
    else edits.clear();
    publish(functionName, edits);
  },
};

export function useCodeEdits(functionName: string): CodeEdits {
  return useSyncExternalStore(codeEditsStore.subscribe, () => codeEditsStore.get(functionName));
}
