/** Where this server listens and which certificate it presents: known once start() has bound its ports. */
export interface FrameListeners {
  httpPort: number;
  httpsPort: number;
  fingerprint: string;
  /** The bind address when the server listens on one address only; the installer then always names it. */
  boundHost: string | null;
}

/** Filled in by the server's start(), read by the frame routes and the "Add a frame" page. */
export class FrameListenersHolder {
  current: FrameListeners | null = null;
}

export const urlHost = (address: string) => (address.includes(':') ? `[${address}]` : address);

/** An IPv4-mapped IPv6 socket address (`::ffff:192.168.1.10`) as the IPv4 address it is. */
export const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
