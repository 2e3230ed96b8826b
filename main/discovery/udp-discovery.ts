import dgram from 'node:dgram';
import type { DiscoveryReply } from '../../contract/device.ts';
import type { Logger } from '../core/logger.ts';
import { localAddressFacing } from './local-address.ts';

export const DISCOVERY_REQUEST = 'EINK_DISCOVER';
/** Longer datagrams cannot be a discovery request; they are dropped unread. */
const MAX_REQUEST_BYTES = 64;

export interface DiscoveryInfo {
  httpPort: number;
  httpsPort: number;
  fingerprint: string;
  version: string;
  name(): string;
  /** The bind address when the server listens on one address only; replies then always name it. */
  boundHost: string | null;
}

/** Answers `EINK_DISCOVER` datagrams with where to bootstrap; anything else gets no reply. */
export class UdpDiscovery {
  private socket: dgram.Socket | null = null;

  constructor(private readonly info: DiscoveryInfo, private readonly log: Logger) {}

  async start(host: string, port: number): Promise<number> {
    const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    this.socket = socket;
    socket.on('message', (message, remote) => void this.answer(message, remote));
    socket.on('error', (err) => this.log.warn({ err }, 'discovery socket error'));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    return socket.address().port;
  }

  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }

  async replyFor(message: Buffer, remoteAddress: string): Promise<string | null> {
    if (message.length > MAX_REQUEST_BYTES || message.toString('latin1').trim() !== DISCOVERY_REQUEST) return null;
    const host = this.info.boundHost ?? (await localAddressFacing(remoteAddress));
    const hostPart = host.includes(':') ? `[${host}]` : host;
    return JSON.stringify({
      bootstrap: `https://${hostPart}:${this.info.httpsPort}/api/display/bootstrap`,
      bootstrap_http: `http://${hostPart}:${this.info.httpPort}/api/display/bootstrap`,
      fingerprint: this.info.fingerprint,
      server: 'inkstand',
      version: this.info.version,
      name: this.info.name(),
    } satisfies DiscoveryReply);
  }

  private async answer(message: Buffer, remote: dgram.RemoteInfo): Promise<void> {
    try {
      const reply = await this.replyFor(message, remote.address);
      if (reply && this.socket) this.socket.send(reply, remote.port, remote.address);
    } catch (err) {
      this.log.warn({ err, from: remote.address }, 'discovery reply failed');
    }
  }
}
