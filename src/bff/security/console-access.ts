import type { Context, MiddlewareHandler } from 'hono';
import { CONSOLE_TOKEN_PARAM, type ConsoleAccessErrorCode } from '../../contract/console-access';
import { CONSOLE_ERRORS, consoleErrorMessage } from '../../contract/console-errors';
import { isConsoleToken, presentedToken, tokenCookieName, tokenSignIn } from './access-token';
import { isOwnHost, parseHost, type AllowedHost, type RequestHost } from './host-allowlist';
import { checkRequestOrigin, isApiPath } from './request-origin';
import { tokenPage, wantsPage } from './token-page';

/** Who may drive the console: rules/decisions in docs/decisions/007-console-access.md. */
export type ConsoleAccess = {
  /** The ports it serves on (its own, the dev server's); read per request, as port 0 is known only once listening. Undefined: any port. */
  ports?: () => readonly number[];
  /** FC_CONSOLE_ALLOWED_HOSTS. */
  allowedHosts?: readonly AllowedHost[];
  /** Token mode: every request carries this token (cookie or `Authorization: Bearer`). */
  token?: string;
};

function refuse(c: Context, code: ConsoleAccessErrorCode, detail = '') {
  return c.json({ code, message: consoleErrorMessage(code, detail) }, CONSOLE_ERRORS[code].status);
}

/**
 * The host a request was sent to. A browser sets `Host`; an absolute request target (`POST http://…`)
 * carries a second one, which Node puts in the URL: both must be ours.
 */
function requestHosts(c: Context): Array<RequestHost | undefined> {
  const header = c.req.header('host');
  const fromUrl = parseHost(new URL(c.req.url).host);
  return header === undefined ? [fromUrl] : [parseHost(header), fromUrl];
}

/** Runs before every route, the SPA's files included. */
export function consoleAccessGuard(access: ConsoleAccess = {}): MiddlewareHandler {
  return async (c, next) => {
    const ports = access.ports?.();
    const rules = { ports, allowedHosts: access.allowedHosts ?? [] };
    const hosts = requestHosts(c);
    const host = hosts[0];
    if (!host || !hosts.every((h) => h && isOwnHost(h, rules))) {
      const named = (c.req.header('host') ?? '').slice(0, 200);
      return refuse(c, 'ForbiddenHost', `This console does not answer for the host "${named}".`);
    }

    if (access.token !== undefined) {
      const cookieName = tokenCookieName(ports?.[0]);
      const offered = c.req.query(CONSOLE_TOKEN_PARAM);
      if (offered !== undefined && c.req.method === 'GET' && !isApiPath(c.req.path)) {
        if (isConsoleToken(offered, access.token)) return tokenSignIn(c, cookieName);
        return wantsPage(c) ? tokenPage(c, 'ConsoleTokenInvalid') : refuse(c, 'ConsoleTokenInvalid');
      }
      const presented = presentedToken(c, cookieName);
      const refusal =
        presented === undefined
          ? 'ConsoleTokenRequired'
          : isConsoleToken(presented, access.token)
            ? undefined
            : 'ConsoleTokenInvalid';
      if (refusal) return wantsPage(c) ? tokenPage(c, refusal) : refuse(c, refusal);
    }

    const refusal = checkRequestOrigin(c.req.method, c.req.path, c.req.raw.headers, host);
    if (refusal) return refuse(c, refusal.code, refusal.detail);
    await next();
  };
}
