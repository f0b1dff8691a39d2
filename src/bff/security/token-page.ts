import type { Context } from 'hono';
import { CONSOLE_ERRORS } from '../../contract/console-errors';
import { isApiPath } from './request-origin';

type TokenRefusal = 'ConsoleTokenRequired' | 'ConsoleTokenInvalid';

/** A person opening the console in a browser gets a page; `/api` and scripts keep the JSON answer. */
export function wantsPage(c: Context): boolean {
  const method = c.req.method.toUpperCase();
  if ((method !== 'GET' && method !== 'HEAD') || isApiPath(c.req.path)) return false;
  return (c.req.header('accept') ?? '').toLowerCase().includes('text/html');
}

const JAPANESE: Record<TokenRefusal, string> = {
  ConsoleTokenRequired:
    'このコンソールにはアクセストークンが必要です。起動時に表示されたリンク (末尾が ?token=…) を開いてください。',
  ConsoleTokenInvalid:
    'このリンクのトークンはこのコンソールのものではありません。起動時に表示されたリンク (末尾が ?token=…) を開いてください。FC_CONSOLE_TOKEN を設定しない限り、生成されたトークンは起動のたびに変わります。',
};

/**
 * Self-contained (the console works offline): no script, no external asset, nothing from the
 * request echoed back. Both languages at once, as the browser's choice is not known here.
 */
export function tokenPage(c: Context, code: TokenRefusal): Response {
  const { status, cause, action } = CONSOLE_ERRORS[code];
  c.header('cache-control', 'no-store');
  c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  c.header('referrer-policy', 'no-referrer');
  return c.html(
    `<!doctype html><html lang="en"><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>Function Compute console: access token required</title>` +
      `<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.6}` +
      `code{background:#f2f2f2;padding:0 .25rem}</style>` +
      `<h1>This console needs its link</h1>` +
      `<p>${cause} ${action.replace('?token=…', '<code>?token=…</code>')}</p>` +
      `<h1 lang="ja">このコンソールを開くにはリンクが必要です</h1>` +
      `<p lang="ja">${JAPANESE[code].replace('?token=…', '<code>?token=…</code>')}</p>` +
      `<p><small>${code}</small></p></html>`,
    status,
  );
}
