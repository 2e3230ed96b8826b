import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts a fake service on a free loopback port; `close` also drops kept-alive connections. */
export async function listenOnLoopback(server: http.Server): Promise<{ origin: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
