import { decodePng, type DecodedImage } from './frame.ts';

/** The special functions TRMNL's firmware knows (lib/trmnl/src/special_function.cpp). */
const SPECIAL_FUNCTIONS = ['none', 'identify', 'sleep', 'add_wifi', 'restart_playlist', 'rewind', 'send_to_me'];
/** Firmware 1.5.x refuses an image larger than its BMP buffer (DISPLAY_BMP_IMAGE_SIZE). */
export const FIRMWARE_MAX_IMAGE_BYTES = 48_062;

export interface FirmwareOptions {
  firmwareVersion?: string;
  width?: number;
  height?: number;
  batteryVoltage?: number;
  rssi?: number;
  /** Newer firmware also names its model; 1.5.x does not. */
  model?: string;
}

export interface Shown {
  /** Which answer the picture came from. */
  via: 'setup' | 'display' | 'identify';
  filename: string;
  image: DecodedImage;
  contentLength: number;
}

export interface WakeResult {
  /** What the device did with the /api/display answer, in the firmware's terms. */
  result: 'shown' | 'unchanged' | 'not_registered' | 'reset' | 'error' | 'special';
  status?: number;
  error?: string;
  shown?: Shown;
  sleepS: number;
}

/**
 * A TRMNL device as its firmware (usetrmnl/firmware 1.5.x, src/bl.cpp) runs one wake-up, written from
 * its behaviour: without a stored key it calls `GET /api/setup/` (`ID`, `FW-Version`) and keeps the
 * key of a status-200 answer; then `GET /api/display` with `ID`, `Access-Token` (empty before it has a
 * key), `Refresh-Rate`, `Battery-Voltage`, `FW-Version`, `RSSI`, `Width`, `Height` and
 * `special_function: true` after a double press. Only HTTP 200 bodies are read. Body status 0: a new
 * `filename` is downloaded with a bare GET (`Content-Type` must be exactly image/png, `Content-Length`
 * at most 48,062 bytes, the panel's size) and shown, `refresh_rate` is kept, `reset_firmware` wipes
 * the device; 202 means "not registered" (retry in 5 s); 500 wipes the device.
 */
export class TrmnlFirmware {
  apiKey = '';
  friendlyId = '';
  refreshRate = 900;
  currentFilename = '';
  specialFunction = 'none';
  wiped = false;
  readonly shown: Shown[] = [];
  readonly options: Required<Omit<FirmwareOptions, 'model'>> & { model?: string };

  constructor(readonly baseUrl: string, readonly mac: string, options: FirmwareOptions = {}) {
    this.options = { firmwareVersion: '1.5.7', width: 800, height: 480, batteryVoltage: 4.01, rssi: -55, ...options };
  }

  async wake(options: { doubleClick?: boolean } = {}): Promise<WakeResult> {
    if (!this.apiKey || !this.friendlyId) {
      const setup = await this.setup();
      if (setup) return setup;
    }
    const pressed = Boolean(options.doubleClick) && this.specialFunction !== 'none';
    const headers: Record<string, string> = {
      ID: this.mac,
      'Access-Token': this.apiKey,
      'Refresh-Rate': String(this.refreshRate),
      'Battery-Voltage': this.options.batteryVoltage.toFixed(2),
      'FW-Version': this.options.firmwareVersion,
      RSSI: String(this.options.rssi),
      Width: String(this.options.width),
      Height: String(this.options.height),
      ...(this.options.model ? { Model: this.options.model } : {}),
      ...(pressed ? { special_function: 'true' } : {}),
    };
    const res = await fetch(`${this.baseUrl}/api/display`, { headers });
    if (![200, 301, 429].includes(res.status)) return { result: 'error', error: `HTTP ${res.status}`, sleepS: 15 };
    let body: Record<string, unknown>;
    try {
      body = await res.json();
    } catch {
      return { result: 'error', error: 'JSON parse failed', sleepS: 15 };
    }
    const status = Number(body.status ?? 0);
    if (status === 500) return this.wipe();
    if (status === 202) return { result: 'not_registered', status, sleepS: (this.refreshRate = 5) };
    if (status !== 0) return { result: 'unchanged', status, sleepS: this.refreshRate };
    if (pressed) return this.special(body);
    if (typeof body.special_function === 'string' && SPECIAL_FUNCTIONS.includes(body.special_function)) this.specialFunction = body.special_function;
    this.refreshRate = typeof body.refresh_rate === 'number' ? body.refresh_rate : 0;
    if (body.reset_firmware === true) return this.wipe();
    const imageUrl = typeof body.image_url === 'string' ? body.image_url : '';
    const filename = typeof body.filename === 'string' ? body.filename : '';
    if (!imageUrl || filename === this.currentFilename) return { result: 'unchanged', status, sleepS: this.refreshRate };
    const shown = await this.download(imageUrl, filename, 'display');
    if ('error' in shown) return { result: 'error', status, error: shown.error, sleepS: this.refreshRate };
    this.currentFilename = filename;
    return { result: 'shown', status, shown, sleepS: this.refreshRate };
  }

  /** `POST /api/log` in firmware 1.x's shape; answers the HTTP status. */
  async submitLog(message: string, extra: Record<string, unknown> = {}): Promise<number> {
    const entry = {
      creation_timestamp: Math.floor(Date.now() / 1000),
      device_status_stamp: { wifi_rssi_level: this.options.rssi, wifi_status: 'connected', refresh_rate: this.refreshRate, current_fw_version: this.options.firmwareVersion, special_function: this.specialFunction, battery_voltage: this.options.batteryVoltage, wakeup_reason: 'timer', free_heap_size: 160_000, max_alloc_size: 90_000 },
      log_id: 1,
      log_message: message,
      log_codeline: 612,
      log_sourcefile: 'src/bl.cpp',
      additional_info: { filename_current: this.currentFilename, filename_new: '' },
      ...extra,
    };
    const res = await fetch(`${this.baseUrl}/api/log`, {
      method: 'POST',
      headers: { ID: this.mac, Accept: 'application/json', 'Access-Token': this.apiKey, 'Content-Type': 'application/json' },
      body: `{"log":{"logs_array":[${JSON.stringify(entry)}]}}`,
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** Returns a wake result when setup ends the wake-up early (unregistered MAC), else null. */
  private async setup(): Promise<WakeResult | null> {
    const res = await fetch(`${this.baseUrl}/api/setup/`, { headers: { ID: this.mac, 'FW-Version': this.options.firmwareVersion } });
    if (res.status !== 200) return null;
    const body = await res.json();
    if (body.status === 404) return { result: 'not_registered', status: 404, sleepS: (this.refreshRate = 900) };
    if (body.status !== 200) return null;
    this.apiKey = String(body.api_key ?? '');
    this.friendlyId = String(body.friendly_id ?? '');
    if (typeof body.image_url === 'string' && body.image_url) await this.download(body.image_url, '', 'setup');
    return null;
  }

  private async special(body: Record<string, unknown>): Promise<WakeResult> {
    const action = typeof body.action === 'string' ? body.action : '';
    if (action !== this.specialFunction) return { result: 'error', error: `${this.specialFunction} failed`, sleepS: this.refreshRate };
    if (action === 'identify' && typeof body.image_url === 'string' && body.image_url) {
      const shown = await this.download(body.image_url, String(body.filename ?? ''), 'identify');
      if ('error' in shown) return { result: 'error', error: shown.error, sleepS: this.refreshRate };
      this.currentFilename = shown.filename;
      return { result: 'special', shown, sleepS: this.refreshRate };
    }
    // rewind shows the device's own last picture, send_to_me its current one: nothing is downloaded.
    return { result: 'special', sleepS: this.refreshRate };
  }

  private async download(url: string, filename: string, via: Shown['via']): Promise<Shown | { error: string }> {
    const res = await fetch(url);
    const data = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 && res.status !== 301) return { error: `image HTTP ${res.status}` };
    const contentLength = Number(res.headers.get('content-length') ?? -1);
    if (contentLength < 0 || contentLength > FIRMWARE_MAX_IMAGE_BYTES) return { error: `bad image size ${contentLength}` };
    if (contentLength !== data.length) return { error: `received ${data.length} of ${contentLength} bytes` };
    if (res.headers.get('content-type') !== 'image/png') return { error: `not image/png: ${res.headers.get('content-type')}` };
    const image = await decodePng(data);
    if (image.width !== this.options.width || image.height !== this.options.height) return { error: `PNG is ${image.width}×${image.height}, the panel ${this.options.width}×${this.options.height}` };
    const shown = { via, filename, image, contentLength };
    this.shown.push(shown);
    return shown;
  }

  private wipe(): WakeResult {
    this.wiped = true;
    this.apiKey = '';
    this.friendlyId = '';
    this.currentFilename = '';
    return { result: 'reset', sleepS: 0 };
  }
}
