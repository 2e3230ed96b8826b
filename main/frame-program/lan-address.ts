import os from 'node:os';
import { localAddressFacing } from '../discovery/local-address.ts';

/** A documentation address (RFC 5737): asking the kernel for its route sends nothing anywhere. */
const ROUTE_PROBE = '192.0.2.1';

/** Every non-loopback IPv4 address of this machine, in interface order. */
export function lanAddresses(interfaces = os.networkInterfaces()): string[] {
  return Object.values(interfaces).flatMap((list) => (list ?? []).filter((i) => i.family === 'IPv4' && !i.internal).map((i) => i.address));
}

/**
 * The address a Pi on the LAN reaches this server at, as discovery announces it: the bind address
 * when the server listens on one, else the address of the interface the default route leaves from,
 * else the first LAN address, else loopback (a machine with no network: only useful to itself).
 */
export async function preferredLanAddress(boundHost: string | null): Promise<string> {
  if (boundHost) return boundHost;
  try {
    const routed = await localAddressFacing(ROUTE_PROBE);
    if (routed && routed !== '0.0.0.0') return routed;
  } catch {
    // No default route (offline machine): fall back to the interfaces.
  }
  return lanAddresses()[0] ?? '127.0.0.1';
}
