import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createBffApp, type BffOptions } from './app';
import { connectionFromEnv, parseConsoleEnv, type ConsoleEnv } from './config';

export type StartBffOptions = Partial<BffOptions> & {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
};

export type RunningBff = { url: string; close(): Promise<void> };

/** Start the console's HTTP server. Anything not given comes from the environment (FC_CONSOLE_*, FC_ENGINE_*, FC_REGION). */
export async function startBff(options: StartBffOptions = {}): Promise<RunningBff> {
  let env: ConsoleEnv | undefined;
  const fromEnv = () => (env ??= parseConsoleEnv());
  const host = options.host ?? fromEnv().FC_CONSOLE_HOST;
  const port = options.port ?? fromEnv().FC_CONSOLE_PORT;
  const app = createBffApp({ ...options, connection: options.connection ?? connectionFromEnv(fromEnv()) });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(s));
    s.once('error', reject);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
