/**
 * Child-process entry of the baseline server: a bare Hocuspocus `Server` (no extensions, documents in
 * memory only) on 127.0.0.1 and the port given as the first argument. Prints `ready` once listening
 * and exits on SIGTERM. Run in its own process so it shares no event loop with the measuring clients,
 * as the desk server does not.
 */
import { Server } from '@hocuspocus/server';

const port = Number(process.argv[2]);
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
console.log('ready');
process.on('SIGTERM', () => {
  server.destroy().finally(() => process.exit(0));
});
