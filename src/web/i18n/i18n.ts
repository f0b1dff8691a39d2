import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { bundledResources, fallbackLanguage, loadResources, supportedLanguages } from './resources';

import { LANGUAGE_STORAGE_KEY } from './language-storage-key';

export { LANGUAGE_STORAGE_KEY };

function storedLanguage(): string | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return stored && supportedLanguages.includes(stored) ? stored : undefined;
  } catch {
    return undefined; // storage blocked (privacy settings): fall back to the browser's languages
  }
}

/** The remembered choice, else the first of the browser's languages the console speaks, else English. */
export function preferredLanguage(): string {
  const stored = storedLanguage();
  if (stored) return stored;
  const wanted = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of wanted) {
    const base = tag.split('-')[0] ?? tag;
    if (supportedLanguages.includes(base)) return base;
  }
  return fallbackLanguage;
}

/**
 * zod's own messages (a rule the contract gives no key) in the same language as the console's.
 * zod speaks English until told otherwise, so an English first page does not load it for this.
 */
let zodLanguage: Promise<void> = Promise.resolve();
let zodTold = false;

function applyLanguage(lng: string): void {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lng;
    document.title = i18n.t('app.documentTitle');
  }
  if (lng === fallbackLanguage && !zodTold) return;
  zodTold = true;
  zodLanguage = import('./zod-language').then(
    ({ speakZodIn }) => speakZodIn(lng),
    () => undefined, // its chunk did not load: zod's rare own messages stay in English
  );
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: bundledResources,
  lng: fallbackLanguage,
  fallbackLng: fallbackLanguage,
  supportedLngs: supportedLanguages,
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

/** Shows the console in `lng`, fetching its texts first when they are not there yet. */
export async function changeLanguage(lng: string): Promise<void> {
  if (!i18n.hasResourceBundle(lng, 'translation')) {
    const resources = await loadResources(lng);
    for (const [namespace, texts] of Object.entries(resources ?? {})) i18n.addResourceBundle(lng, namespace, texts);
  }
  await i18n.changeLanguage(lng);
  await zodLanguage;
}

/** The language switch: show the console in `lng` now and on every later visit. */
export async function chooseLanguage(lng: string): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Not remembered, still applied.
  }
  await changeLanguage(lng);
}

/**
 * The remembered (or browser's) language, loaded before the first render so English never flashes.
 * main.tsx awaits it; not a top-level await here, because the language's chunk imports modules of
 * the entry chunk, which cannot finish evaluating while it waits on that chunk.
 */
export async function startInPreferredLanguage(): Promise<void> {
  const initial = preferredLanguage();
  if (initial !== fallbackLanguage) await changeLanguage(initial).catch(() => undefined);
}

export { i18n };
