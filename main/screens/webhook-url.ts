import os from 'node:os';
import { DEFAULT_PORTS } from '../config.ts';

/**
 * The base a device or Home Assistant on the LAN reaches this server at: the first LAN IPv4
 * address (loopback when there is none) and the HTTP port the server listens on, or the default
 * port when this process is not the server (the CLI).
 */
export function lanHttpBase(httpUrl: string | null): string {
  const port = httpUrl ? new URL(httpUrl).port || '80' : String(DEFAULT_PORTS.http);
  return `http://${lanAddress()}:${port}`;
}

function lanAddress(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    const lan = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (lan) return lan.address;
  }
  return '127.0.0.1';
}

export function webhookUrl(base: string, uuid: string): string {
  return `${base}/api/custom_plugins/${uuid}`;
}
