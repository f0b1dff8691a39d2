// The upstream of the proxy baseline: the bare server in a process of its own, as a function is.
import { startBareServer } from './http-probe';

startBareServer().then(
  (server) => {
    process.send?.({ port: server.port });
    process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  },
  (error: unknown) => {
    console.error('bare server failed:', error);
    process.exit(1);
  },
);
