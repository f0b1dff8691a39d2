import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { TEST_CONNECTION } from '../../../../mocks/bff-in-process';
import { createBffApp } from '../../app';
import { openConsoleStore } from '../../console-store/console-store';
import type { ConsoleAccess } from '../console-access';

/** The console as `npm start` serves it on port 3000 (API and SPA), its FC calls answered by MSW. */
const staticDir = mkdtempSync(path.join(tmpdir(), 'fc-console-spa-'));
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>fc-console</title>');
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

export function guardedApp(access: ConsoleAccess = { ports: () => [3000] }) {
  return createBffApp({ connection: TEST_CONNECTION, consoleStore: openConsoleStore(':memory:'), staticDir, access });
}

export type GuardedApp = ReturnType<typeof guardedApp>;
export const CONSOLE = 'http://127.0.0.1:3000';

/** One request as a browser or a script would send it; `body` is sent as is. */
export async function send(
  app: GuardedApp,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  const res = await app.request(url.startsWith('/') ? `${CONSOLE}${url}` : url, { method, headers, body });
  const text = await res.text();
  let json: { code?: string; message?: string } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // the SPA's HTML
  }
  return { status: res.status, code: json.code, message: json.message, text, headers: res.headers };
}

/** What the console's own page sends for a change: its Origin, same-origin, a JSON body. */
export function ownPage(host = '127.0.0.1:3000'): Record<string, string> {
  return { host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
}
