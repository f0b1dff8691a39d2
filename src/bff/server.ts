import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { CONSOLE_TOKEN_PARAM } from '../contract/console-access';
import { lingerAfterEarlyAnswer } from '../early-answer';
import { guardRegExpBacktracking } from '../regexp-guard';
import { createBffApp, type BffOptions } from './app';
import { connectionFromEnv, parseConsoleEnv, type ConsoleEnv } from './config';
import { accessFromEnv, type AccessSettings } from './security/access-settings';

export type StartBffOptions = Omit<Partial<BffOptions>, 'access'> & {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Decided from the environment when absent (and refused there for an unprotected non-loopback host). */
  access?: AccessSettings;
  /** The Vite dev server's port, whose proxy forwards the browser's Host (`--dev`). */
  devPort?: number;
};

export type RunningBff = {
  url: string;
  /** What the user opens: `url`, or in token mode the link that signs the browser in (`/?token=…`). */
  openUrl: string;
  close(): Promise<void>;
};

function formatHost(host: string): string {
  // A wildcard address is where the server listens, not one a browser can open.
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Start the console's HTTP server. Anything not given comes from the environment (FC_CONSOLE_*, FC_ENGINE_*, FC_REGION). */
export async function startBff(options: StartBffOptions = {}): Promise<RunningBff> {
  guardRegExpBacktracking();
  let env: ConsoleEnv | undefined;
  const fromEnv = () => (env ??= parseConsoleEnv());
  const host = options.host ?? fromEnv().FC_CONSOLE_HOST;
  const port = options.port ?? fromEnv().FC_CONSOLE_PORT;
  const access = options.access ?? accessFromEnv(fromEnv(), host);
  let listeningPort = port;
  const app = createBffApp({
    ...options,
    connection: options.connection ?? connectionFromEnv(fromEnv()),
    access: {
      ports: () => (options.devPort === undefined ? [listeningPort] : [listeningPort, options.devPort]),
      allowedHosts: access.allowedHosts,
      token: access.token,
    },
  });

  // A body refused before it was read is not drained (@hono/node-server would read up to 64 MB of it): lingered on.
  const listener = getRequestListener(app.fetch, { hostname: host, autoCleanupIncoming: false });
  const server = http.createServer((req, res) => {
    lingerAfterEarlyAnswer(req, res);
    void listener(req, res);
  });
  // `Expect: 100-continue` is answered by the body limit, after the guard (body-limit.ts), not by Node at once.
  server.on('checkContinue', (req, res) => server.emit('request', req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  listeningPort = (server.address() as AddressInfo).port;
  const url = `http://${formatHost(host)}:${listeningPort}`;
  return {
    url,
    openUrl: access.token === undefined ? url : `${url}/?${CONSOLE_TOKEN_PARAM}=${access.token}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
