import os from 'node:os';
import path from 'node:path';

export interface ServerConfig {
  dataDir: string;
  host: string;
  httpPort: number;
  httpsPort: number;
  discoveryPort: number;
  discovery: boolean;
  /** `postgres://…`; unset = the SQLite file in the data dir. */
  databaseUrl?: string;
  /** This node's name where several share one database (default: the host name). */
  nodeName: string;
}

export const DEFAULT_PORTS = { http: 8000, https: 8443, discovery: 51234 } as const;

/** The folder Electron uses for the app's user data, so the desktop and headless modes share one library. */
export function defaultDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (env.INKSTAND_DATA_DIR) return env.INKSTAND_DATA_DIR;
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Inkstand');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Inkstand');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Inkstand');
}

export function defaultServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    dataDir: defaultDataDir(),
    host: '0.0.0.0',
    httpPort: DEFAULT_PORTS.http,
    httpsPort: DEFAULT_PORTS.https,
    discoveryPort: DEFAULT_PORTS.discovery,
    discovery: true,
    nodeName: os.hostname(),
    ...overrides,
  };
}

export const APP_VERSION = '0.1.0';
