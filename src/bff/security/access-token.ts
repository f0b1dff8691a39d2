import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { CONSOLE_TOKEN_PARAM } from '../../contract/console-access';

/** 32 random bytes, URL- and cookie-safe. */
export function generateConsoleToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Cookies ignore ports: two consoles on one machine each keep their own. */
export function tokenCookieName(port: number | undefined): string {
  return port === undefined ? 'fc-console-token' : `fc-console-token-${port}`;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export function isConsoleToken(candidate: string, token: string): boolean {
  return timingSafeEqual(digest(candidate), digest(token));
}

/** The token a request carries: the cookie the link set, or `Authorization: Bearer` from a script. */
export function presentedToken(c: Context, cookieName: string): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return bearer?.[1] ?? getCookie(c, cookieName);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Opening `…?token=<token>` sets the cookie and moves on to the same page without the token. The move
 * is a page of ours rather than a redirect: after a link from another site (a chat, a wiki) the
 * browser would not send a SameSite=Strict cookie along a redirect, and the first page would fail.
 */
export function tokenSignIn(c: Context, cookieName: string): Response {
  const url = new URL(c.req.url);
  setCookie(c, cookieName, url.searchParams.get(CONSOLE_TOKEN_PARAM) ?? '', {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
  });
  url.searchParams.delete(CONSOLE_TOKEN_PARAM);
  // One leading slash: `//evil.example/` would leave for another host.
  const next = escapeHtml(`/${url.pathname.replace(/^\/+/, '')}${url.search}`);
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'no-referrer');
  return c.html(
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${next}">` +
      `<title>fc-console</title><p>Signed in. <a href="${next}">Open the console</a>.</p>`,
  );
}
