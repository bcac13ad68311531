import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the benchmark's helper processes (fake Bot API, echo bot) serve: on a free port they print as
 * one JSON line for the parent to read, keep-alive sockets that outlive the pauses between phases,
 * and a clean exit on SIGTERM.
 */
export function serveAndReportPort(server: Server): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
