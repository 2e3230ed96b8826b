import os from 'node:os';
import makeMdns from 'multicast-dns';
import type { Logger } from '../core/logger.ts';

export const MDNS_SERVICE = '_inkstand._tcp.local';

export interface MdnsAdvertInfo {
  httpPort: number;
  httpsPort: number;
  fingerprint: string;
  /** Read at every answer, so a renamed server is advertised under its new name. */
  instanceName: () => string;
}

/** Answers mDNS queries for `_inkstand._tcp.local` with PTR, SRV, TXT and A records. */
export class MdnsAdvert {
  private mdns: makeMdns.MulticastDNS | null = null;
  private readonly host = `${os.hostname().replace(/\.local$/, '')}.local`;

  constructor(private readonly info: MdnsAdvertInfo, private readonly log: Logger, private readonly options: makeMdns.Options = {}) {}

  start(): void {
    const mdns = makeMdns(this.options);
    this.mdns = mdns;
    mdns.on('error', (err: Error) => this.log.warn({ err }, 'mDNS error'));
    mdns.on('query', (query) => {
      const asked = query.questions.some((q) => q.name === MDNS_SERVICE || q.name === this.instance() || q.name === this.host);
      if (asked) mdns.respond({ answers: this.records() });
    });
    this.announce();
  }

  /** Sends the records unasked (at start, and when the name changes). */
  announce(): void {
    this.mdns?.respond({ answers: this.records() });
  }

  stop(): void {
    this.mdns?.destroy();
    this.mdns = null;
  }

  private instance(): string {
    return `${this.info.instanceName()}.${MDNS_SERVICE}`;
  }

  private records(): makeMdns.ResponsePacket['answers'] {
    const addresses = Object.values(os.networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal);
    const loopbackOnly = this.options.interface === '127.0.0.1';
    const ips = loopbackOnly ? ['127.0.0.1'] : addresses.map((a) => a!.address);
    return [
      { name: MDNS_SERVICE, type: 'PTR', ttl: 120, data: this.instance() },
      { name: this.instance(), type: 'SRV', ttl: 120, data: { port: this.info.httpsPort, target: this.host, weight: 0, priority: 0 } },
      { name: this.instance(), type: 'TXT', ttl: 120, data: [`bootstrap=/api/display/bootstrap`, `fp=${this.info.fingerprint}`, `http=${this.info.httpPort}`] },
      ...ips.map((ip) => ({ name: this.host, type: 'A' as const, ttl: 120, data: ip })),
    ];
  }
}
