export const CODE_LANGUAGES = ['javascript', 'typescript', 'python', 'json', 'yaml', 'plain'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

const BY_EXTENSION: Record<string, CodeLanguage> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  py: 'python',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
};

/** The highlighting a file gets, by its extension; anything else is plain text. */
export function languageOf(path: string): CodeLanguage {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return (dot > 0 && BY_EXTENSION[name.slice(dot + 1).toLowerCase()]) || 'plain';
}
