import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

type Running = { port: number; close(): Promise<void> };

/** Forks the bare server into its own process; resolves with its port. */
function startUpstream(): Promise<Running> {
  const child = fork(fileURLToPath(new URL('./bare-server-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the proxy's upstream exited (${code})`)));
    child.once('message', (message: { port: number }) =>
      resolve({
        port: message.port,
        close: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.disconnect();
          }),
      }),
    );
  });
}

/**
 * The second baseline, the floor of any gateway that hands each request to another process: a
 * minimal reverse proxy (node:http, keep-alive agent) in this process in front of the bare server
 * in another. It does nothing a gateway must (no routing, auth, limits, logs): a floor, not a rival.
 */
export async function startProxyBaseline(): Promise<Running> {
  const upstream = await startUpstream();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const forward = http.request(
      { host: '127.0.0.1', port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      agent.destroy();
      await upstream.close();
    },
  };
}
