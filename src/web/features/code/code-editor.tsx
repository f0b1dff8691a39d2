import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { python } from '@codemirror/lang-python';
import { yaml } from '@codemirror/lang-yaml';
import CodeMirror, { EditorView, type Extension } from '@uiw/react-codemirror';
import { useMemo } from 'react';
import type { CodeLanguage } from './code-language';

export type CodeEditorProps = {
  value: string;
  onChange: (value: string) => void;
  language: CodeLanguage;
  /** The editable area's accessible name: the file's path. */
  label: string;
  readOnly?: boolean;
};

const LANGUAGES: Record<CodeLanguage, () => Extension[]> = {
  javascript: () => [javascript()],
  typescript: () => [javascript({ typescript: true })],
  python: () => [python()],
  json: () => [json()],
  yaml: () => [yaml()],
  plain: () => [],
};

/**
 * CodeMirror 6 with the file's language. Loaded only through React.lazy (code-workspace.tsx), so
 * the editor and its grammars are a chunk of their own, fetched when the Code tab first opens.
 */
export default function CodeEditor({ value, onChange, language, label, readOnly = false }: CodeEditorProps) {
  const extensions = useMemo(
    () => [
      ...LANGUAGES[language](),
      // A read-only view is not contenteditable: tabindex keeps its scroll area reachable by keyboard (axe).
      EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
    ],
    [language, label],
  );
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      editable={!readOnly}
      readOnly={readOnly}
      height="480px"
      basicSetup={{ autocompletion: false }}
      style={{ fontSize: 13 }}
    />
  );
}
