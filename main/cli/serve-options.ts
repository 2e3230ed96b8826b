import { Option, type Command } from 'commander';
import { DEFAULT_PORTS, defaultServerConfig, type ServerConfig } from '../config.ts';
import { databaseSettingsFrom, resolveDataDir } from './with-core.ts';

/** The flags of `inkstand serve` as commander reads them; the desktop app takes the same ones. */
export interface ServeOptions {
  dataDir?: string;
  httpPort: string;
  httpsPort: string;
  discoveryPort: string;
  discovery: boolean;
  host: string;
  database?: string;
  nodeName?: string;
}

export const dataDirOption = () => new Option('--data-dir <dir>', 'data folder (env INKSTAND_DATA_DIR)').env('INKSTAND_DATA_DIR');

/** `--database` and `--node-name`: every command that opens the data dir takes them (DESIGN.md §2, more than one machine). */
export function addDatabaseOptions(command: Command): Command {
  return command
    .addOption(new Option('--database <url>', 'PostgreSQL instead of the SQLite file: postgres://user:password@host:5432/db').env('DATABASE_URL'))
    .addOption(new Option('--node-name <name>', 'this node\'s name where several share one database (default: host name)').env('INKSTAND_NODE_NAME'));
}

export function addServeOptions(command: Command): Command {
  return addDatabaseOptions(command)
    .addOption(dataDirOption())
    .option('--http-port <port>', 'HTTP port (0 = any free port)', String(DEFAULT_PORTS.http))
    .option('--https-port <port>', 'HTTPS port (0 = any free port)', String(DEFAULT_PORTS.https))
    .option('--discovery-port <port>', 'UDP discovery port (0 = any free port)', String(DEFAULT_PORTS.discovery))
    .option('--no-discovery', 'no UDP discovery or mDNS advert')
    .option('--host <address>', 'bind address', '0.0.0.0');
}

export function parsePort(value: string, flag: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag} takes a port number from 0 to 65535 (0 = any free port), not "${value}"`);
  return port;
}

export function serverConfigFrom(options: ServeOptions): ServerConfig {
  return defaultServerConfig({
    dataDir: resolveDataDir(options),
    host: options.host,
    httpPort: parsePort(options.httpPort, '--http-port'),
    httpsPort: parsePort(options.httpsPort, '--https-port'),
    discoveryPort: parsePort(options.discoveryPort, '--discovery-port'),
    discovery: options.discovery,
    ...databaseSettingsFrom(options),
  });
}
