import dgram from 'node:dgram';
import sharp from 'sharp';
import type { DeviceState, DiscoveryReply } from '../../contract/device.ts';

export type { DiscoveryReply };
/** The state a frame holds: the protocol's DeviceState. */
export type FrameState = DeviceState;

export interface DecodedImage {
  width: number;
  height: number;
  /** PLTE entries as #rrggbb, in order. */
  palette: string[];
  bitDepth: number;
  colorType: number;
  bytes: Buffer;
}

/**
 * A frame as a device runs it: discovers the server over UDP, bootstraps, waits for approval,
 * polls its state with ETags (optionally long-polling), downloads and decodes its image, presses buttons.
 */
export class SimulatedFrame {
  token: string | null = null;
  humanId: string | null = null;
  pairingCode: string | null = null;
  etag: string | null = null;
  state: FrameState | null = null;
  bootstrapUrl: string | null = null;

  constructor(readonly hardwareId: string, readonly width = 800, readonly height = 480, readonly panel?: string) {}

  static async discover(port: number, address = '127.0.0.1', timeoutMs = 2000): Promise<DiscoveryReply> {
    const socket = dgram.createSocket('udp4');
    try {
      return await new Promise<DiscoveryReply>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no discovery reply')), timeoutMs);
        socket.on('message', (msg) => {
          clearTimeout(timer);
          resolve(JSON.parse(msg.toString()));
        });
        socket.send('EINK_DISCOVER', port, address);
      });
    } finally {
      socket.close();
    }
  }

  /** One bootstrap request; returns the HTTP status (202 pending, 200 approved). */
  async bootstrap(url = this.bootstrapUrl): Promise<number> {
    if (!url) throw new Error('no bootstrap URL: discover first');
    this.bootstrapUrl = url;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hardware_id: this.hardwareId, horizontal_pixels: this.width, vertical_pixels: this.height, ...(this.panel ? { panel: this.panel } : {}), firmware: 'sim-1.0' }),
    });
    const body = await res.json();
    this.humanId = body.human_readable_id ?? this.humanId;
    if (res.status === 202) this.pairingCode = body.pairing_code;
    if (res.status === 200) this.token = body.token_key;
    this.lastBootstrap = body;
    return res.status;
  }

  lastBootstrap: Record<string, unknown> = {};

  /** Bootstraps until approved, as a device does while it shows its pairing picture. */
  async waitForApproval(timeoutMs = 10_000, intervalMs = 100): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.bootstrap()) === 200) return;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
    throw new Error(`${this.hardwareId} was not approved within ${timeoutMs} ms`);
  }

  get baseUrl(): string {
    return new URL(this.bootstrapUrl!).origin;
  }

  async poll(options: { wait?: number; headers?: Record<string, string> } = {}): Promise<{ status: number; state: FrameState | null }> {
    const url = `${this.baseUrl}/api/display/state${options.wait ? `?wait=${options.wait}` : ''}`;
    const res = await fetch(url, { headers: { ...this.authHeaders(), ...(this.etag ? { 'if-none-match': this.etag } : {}), ...options.headers } });
    if (res.status === 200) {
      this.state = await res.json();
      this.etag = res.headers.get('etag');
      return { status: 200, state: this.state };
    }
    if (res.status !== 304) throw new Error(`state poll answered ${res.status}: ${await res.text()}`);
    return { status: 304, state: null };
  }

  async fetchImage(url = this.state?.image_url): Promise<DecodedImage> {
    if (!url) throw new Error('no image URL');
    const res = await fetch(url, { headers: this.authHeaders() });
    if (res.status !== 200) throw new Error(`image answered ${res.status}: ${await res.text()}`);
    return decodePng(Buffer.from(await res.arrayBuffer()));
  }

  async press(button: string, action?: 'press' | 'long'): Promise<Response> {
    const res = await fetch(`${this.baseUrl}/api/display/button`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.authHeaders() },
      body: JSON.stringify({ button, ...(action ? { action } : {}) }),
    });
    if (res.status === 200) {
      this.state = await res.clone().json();
      this.etag = res.headers.get('etag');
    }
    return res;
  }

  authHeaders(): Record<string, string> {
    return this.token ? { authorization: `Token ${this.token}` } : {};
  }
}

/** Reads a PNG's header and palette, and checks it decodes (sharp). */
export async function decodePng(bytes: Buffer): Promise<DecodedImage> {
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colorType = 0;
  const palette: string[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString('latin1');
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colorType = data[9];
    }
    if (type === 'PLTE') for (let i = 0; i < data.length; i += 3) palette.push('#' + data.subarray(i, i + 3).toString('hex'));
    offset += 12 + length;
  }
  await sharp(bytes).raw().toBuffer();
  return { width, height, palette, bitDepth, colorType, bytes };
}
