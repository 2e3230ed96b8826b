import { DEFAULT_PORTS, defaultServerConfig } from '../config.ts';
import { createServer } from '../server.ts';
import { resolveDataDir } from './with-core.ts';

export interface ServeOptions {
  dataDir?: string;
  httpPort: string;
  httpsPort: string;
  discoveryPort: string;
  discovery: boolean;
  host: string;
}

export function parsePort(value: string, flag: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag} takes a port number from 0 to 65535 (0 = any free port), not "${value}"`);
  return port;
}

/** `inkstand serve`: runs the headless server until SIGINT/SIGTERM, then shuts down cleanly; SIGHUP reloads settings. */
export async function serveCommand(options: ServeOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const config = defaultServerConfig({
    dataDir: resolveDataDir(options),
    host: options.host,
    httpPort: parsePort(options.httpPort, '--http-port'),
    httpsPort: parsePort(options.httpsPort, '--https-port'),
    discoveryPort: parsePort(options.discoveryPort, '--discovery-port'),
    discovery: options.discovery,
  });
  const server = await createServer(config);
  const urls = await server.start();
  out.write(`http listening on ${urls.http}\n`);
  out.write(`https listening on ${urls.https}\n`);
  if (urls.discovery) out.write(`discovery listening on ${urls.discovery}\n`);
  out.write(`admin ui: ${urls.adminUi}\n`);
  out.write(`data dir: ${config.dataDir}\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    out.write(`${signal}: shutting down\n`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => {
    if (stopping) return;
    server.reload().then(
      () => out.write('SIGHUP: reloaded settings\n'),
      (error: unknown) => out.write(`SIGHUP: could not reload settings: ${error instanceof Error ? error.message : String(error)}\n`),
    );
  });
}

export const SERVE_DEFAULTS = {
  httpPort: String(DEFAULT_PORTS.http),
  httpsPort: String(DEFAULT_PORTS.https),
  discoveryPort: String(DEFAULT_PORTS.discovery),
  host: '0.0.0.0',
};
