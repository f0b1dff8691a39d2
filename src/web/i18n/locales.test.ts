import { describe, expect, it } from 'vitest';
import en from './locales/en';
import ja from './locales/ja';
import { supportedLanguages } from './resources';

type Tree = { [key: string]: unknown };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf as `a.b.c` → text, plural forms (`_one`, `_other`) kept apart. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else if (value && typeof value === 'object') for (const [p, v] of leaves(value as Tree, path)) found.set(p, v);
    else found.set(path, `<${typeof value}>`);
  }
  return found;
}

/** Keys with their plural forms folded into one, each with the variables its texts use. */
function catalogue(tree: Tree): Map<string, { forms: Set<string>; variables: Set<string> }> {
  const keys = new Map<string, { forms: Set<string>; variables: Set<string> }>();
  for (const [path, text] of leaves(tree)) {
    const base = path.replace(PLURAL, '');
    const entry = keys.get(base) ?? { forms: new Set<string>(), variables: new Set<string>() };
    entry.forms.add(PLURAL.exec(path)?.[1] ?? '');
    // `{{count, number}}` uses `count`; the format after the comma may differ between languages.
    for (const match of text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)) entry.variables.add(match[1] as string);
    keys.set(base, entry);
  }
  return keys;
}

/** What a language lacks for `key`: a plural form its grammar needs, or the key itself. */
function problems(lng: string, own: ReturnType<typeof catalogue>, other: ReturnType<typeof catalogue>): string[] {
  const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const found: string[] = [];
  for (const [key, entry] of other) {
    const mine = own.get(key);
    if (!mine) {
      found.push(`${lng} lacks ${key}`);
      continue;
    }
    const plural = !entry.forms.has('') || !mine.forms.has('');
    if (plural)
      for (const form of needed) if (!mine.forms.has(form)) found.push(`${lng} lacks the ${form} form of ${key}`);
    const missing = [...entry.variables].filter((v) => !mine.variables.has(v));
    if (missing.length > 0) found.push(`${lng} ${key} does not use {{${missing.join('}}, {{')}}}`);
  }
  return found;
}

describe('languages', () => {
  it('are English and Japanese, each a locales/<lng>.ts file', () => {
    expect(supportedLanguages).toEqual(['en', 'ja']);
  });

  it('give Japanese every key and every interpolation variable of English, and nothing more', () => {
    const english = catalogue(en.translation);
    const japanese = catalogue(ja.translation);
    expect([...problems('ja', japanese, english), ...problems('en', english, japanese)]).toEqual([]);
  });

  it('leave no Japanese text empty or in English by mistake', () => {
    const english = leaves(en.translation);
    // Words that read the same in both languages: product names, formats, code, units.
    const same =
      /^(OK|JSON|JWT|JWKS|CORS|JavaScript|TypeScript|Python|YAML|English|日本語|Function Compute|Alibaba Cloud · .*|Node\.js \d+|\{\{.*)/;
    const untranslated = [...leaves(ja.translation)].filter(
      ([path, text]) =>
        text.trim() === '' ||
        (english.get(path) === text && !same.test(text) && !path.endsWith('InternetURLDisabled.cause')),
    );
    expect(untranslated).toEqual([]);
  });
});
