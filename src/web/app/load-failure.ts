import { LANGUAGE_STORAGE_KEY } from '../i18n/language-storage-key';

// Said before i18next and the locale files are loaded (they may be what failed): the two languages here.
const TEXT = {
  en: {
    title: 'The console could not start',
    message:
      'Part of its script could not be loaded: the console may have been updated or stopped. Reload the page to try again.',
    reload: 'Reload',
  },
  ja: {
    title: 'コンソールを開始できませんでした',
    message:
      'スクリプトの一部を読み込めませんでした。コンソールが更新または停止された可能性があります。ページを再読み込みしてください。',
    reload: '再読み込み',
  },
} as const;

type Language = keyof typeof TEXT;
const isLanguage = (tag: string | null | undefined): tag is Language => tag === 'en' || tag === 'ja';

function language(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage blocked: the browser's languages
  }
  return navigator.languages.map((tag) => tag.split('-')[0]).find(isLanguage) ?? 'en';
}

/**
 * A stage of the console's script that did not load (a new build replaced it, the console stopped)
 * leaves the prerendered first view, which looks ready and answers nothing: say so instead, with Reload.
 */
export function showLoadFailure(root: HTMLElement): void {
  const lang = language();
  const text = TEXT[lang];
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.lang = lang;
  box.style.cssText = 'padding:24px;max-width:640px;font-family:system-ui,sans-serif';
  const title = document.createElement('h1');
  title.textContent = text.title;
  title.style.fontSize = '1.25rem';
  const message = document.createElement('p');
  message.textContent = text.message;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = text.reload;
  reload.addEventListener('click', () => location.reload());
  box.append(title, message, reload);
  root.replaceChildren(box);
  reload.focus();
}
