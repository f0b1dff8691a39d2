import net from 'node:net';

/** A port nobody listens on right now (the OS picks it; a tiny race with other programs remains). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Polls until something accepts TCP connections on the port, on IPv4 loopback or, for a server
 * bound to `localhost` that Node resolved to ::1, on IPv6 loopback. Answers the host that
 * answered, or undefined at the deadline or once `gaveUp()` says the process is gone.
 */
export async function waitForListener(
  port: number,
  deadline: number,
  gaveUp: () => boolean,
): Promise<string | undefined> {
  let delay = 5;
  while (!gaveUp()) {
    for (const host of ['127.0.0.1', '::1']) {
      if (await canConnect(host, port)) return host;
    }
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(1, deadline - Date.now()))));
    delay = Math.min(delay * 2, 50);
  }
  return undefined;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(200, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}
