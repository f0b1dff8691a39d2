import type http from 'node:http';
import type net from 'node:net';

export function listen(server: net.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops listening and ends every connection; a server that never listened itself has nothing to stop. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (server.listening) server.close((error) => (error ? reject(error) : resolve()));
    else server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Readies a server for connections accepted elsewhere (a dealing listener, or sent by the primary):
 * Node starts the header and request timeouts' checks on `listening`, which a server that never
 * listens itself does not emit.
 */
export function servesHandedConnections<S extends http.Server>(server: S): S {
  server.emit('listening');
  return server;
}

/** Serves on `server` a connection accepted paused (`pauseOnConnect`, or received from the primary). */
export function serveConnection(server: http.Server, socket: net.Socket): void {
  server.emit('connection', socket);
  socket.resume();
}
