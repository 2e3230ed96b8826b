import fs from 'node:fs';
import path from 'node:path';
import { decodePng, type DecodedImage } from './frame.ts';

/**
 * A client that behaves as usetrmnl/trmnl-display (the Raspberry Pi client, v0.1.1) does against a
 * server that is not trmnl.app, written from its observed behaviour:
 * - `GET <base>/api/display` with `ID: <MAC>`, `access-token` only when a key is configured,
 *   `Content-Type: application/json`, `battery-voltage: 100.00`, `rssi: 0`, `User-Agent: trmnl-display/0.1.1`,
 *   a 30 s timeout; any status but 200 or an undecodable body → wait 60 s;
 * - decodes only `image_url` (string), `filename` (string) and `refresh_rate` (an integer: Go's
 *   decoder refuses 60.5 or "60"), ignoring the rest; no filename → `display.jpg`;
 * - downloads `image_url` with a bare GET into `<tmp>/<filename>` whatever the HTTP status (it
 *   never looks), so an empty URL fails with `unsupported protocol scheme ""`;
 * - runs `show_img file=<path> invert=false mode=fast|partial` (fast every 4th frame); when the
 *   show command fails the real client exits;
 * - sleeps `refresh_rate` seconds (≤ 0 → 60); a line on stdin cuts the wait short, as `cycle()` here
 *   does not wait at all: the test decides when the next cycle runs.
 */
export class TrmnlDisplayClient {
  static readonly VERSION = '0.1.1';
  /** processNextImage calls so far; picks fast or partial refresh. */
  frames = 0;
  exited = false;

  constructor(readonly options: { baseUrl: string; deviceId: string; apiKey?: string; tmpDir: string; show: ShowCommand }) {
    fs.mkdirSync(options.tmpDir, { recursive: true });
  }

  /** One pass of the client's loop; returns what it showed and how long it would now sleep. */
  async cycle(): Promise<CycleResult> {
    if (this.exited) throw new Error('trmnl-display has exited (its show command failed)');
    const frame = this.frames++;
    const failed = (error: string): CycleResult => ({ outcome: 'error', error, sleepS: 60 });
    const { baseUrl, deviceId, apiKey } = this.options;
    const headers: Record<string, string> = baseUrl.includes('trmnl.app')
      ? { 'access-token': apiKey ?? '' }
      : { ID: deviceId, ...(apiKey ? { 'access-token': apiKey } : {}), 'Content-Type': 'application/json' };
    Object.assign(headers, { 'battery-voltage': '100.00', rssi: '0', 'User-Agent': `trmnl-display/${TrmnlDisplayClient.VERSION}` });
    const apiUrl = baseUrl.replace(/\/+$/, '') + '/api/display';
    let response: Response;
    try {
      response = await fetch(apiUrl, { headers, signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      return failed(`Error fetching display: ${(err as Error).message}`);
    }
    const text = await response.text();
    if (response.status !== 200) return failed(`Error fetching display from ${apiUrl}: status code ${response.status}`);
    const decoded = decodeTerminalResponse(text);
    if ('error' in decoded) return failed(`Error parsing JSON: ${decoded.error}`);

    const filename = decoded.filename || 'display.jpg';
    const filePath = path.join(this.options.tmpDir, filename);
    if (path.dirname(filePath) !== path.resolve(this.options.tmpDir)) {
      // Go's filepath.Join would write outside the client's folder; fail the test instead of doing it.
      throw new Error(`filename ${JSON.stringify(filename)} is not a plain file name`);
    }
    if (!/^https?:\/\//.test(decoded.imageUrl)) return failed(`Error downloading image: Get "${decoded.imageUrl}": unsupported protocol scheme "${decoded.imageUrl.split(':')[0]}"`);
    let image: Response;
    try {
      image = await fetch(decoded.imageUrl);
    } catch (err) {
      return failed(`Error downloading image: ${(err as Error).message}`);
    }
    fs.writeFileSync(filePath, Buffer.from(await image.arrayBuffer()));
    try {
      await this.options.show(filePath, { invert: false, mode: (frame & 3) === 0 ? 'fast' : 'partial' });
    } catch (err) {
      this.exited = true;
      return { outcome: 'exited', error: `show_img failed: ${(err as Error).message}`, sleepS: 0 };
    }
    return { outcome: 'shown', filename, file: filePath, imageStatus: image.status, sleepS: decoded.refreshRate > 0 ? decoded.refreshRate : 60 };
  }
}

export type ShowCommand = (file: string, args: { invert: boolean; mode: 'fast' | 'partial' }) => Promise<void>;

export interface CycleResult {
  outcome: 'shown' | 'error' | 'exited';
  error?: string;
  filename?: string;
  file?: string;
  /** The HTTP status of the image download (the client itself never checks it). */
  imageStatus?: number;
  /** How long the client sleeps before its next cycle. */
  sleepS: number;
}

/** What Go's json.Decoder makes of the body for trmnl-display's struct, or why it fails. */
function decodeTerminalResponse(text: string): { imageUrl: string; filename: string; refreshRate: number } | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    return { error: (err as Error).message };
  }
  if (body === null) return { imageUrl: '', filename: '', refreshRate: 0 };
  if (typeof body !== 'object' || Array.isArray(body)) return { error: 'json: cannot unmarshal into Go value of type main.TerminalResponse' };
  // Go matches keys case-insensitively; null leaves the zero value.
  const field = (name: string) => Object.entries(body as Record<string, unknown>).find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
  const imageUrl = field('image_url');
  const filename = field('filename');
  const refreshRate = field('refresh_rate');
  if (imageUrl !== null && typeof imageUrl !== 'string') return { error: 'json: cannot unmarshal into Go struct field TerminalResponse.image_url of type string' };
  if (filename !== null && typeof filename !== 'string') return { error: 'json: cannot unmarshal into Go struct field TerminalResponse.filename of type string' };
  if (refreshRate !== null && !(typeof refreshRate === 'number' && Number.isSafeInteger(refreshRate))) {
    return { error: `json: cannot unmarshal ${JSON.stringify(refreshRate)} into Go struct field TerminalResponse.refresh_rate of type int` };
  }
  return { imageUrl: imageUrl ?? '', filename: filename ?? '', refreshRate: refreshRate ?? 0 };
}

/**
 * A stand-in for the `show_img` tool: it decodes the PNG as the real one must (a file it cannot
 * decode fails it, and then trmnl-display exits) and keeps a copy of every file it is given, in order.
 */
export class KeepingShowCommand {
  readonly shown: { filename: string; copy: string; mode: string; image: DecodedImage }[] = [];

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  readonly run: ShowCommand = async (file, { mode }) => {
    const bytes = fs.readFileSync(file);
    const image = await decodePng(bytes);
    const copy = path.join(this.dir, `${String(this.shown.length).padStart(3, '0')}-${path.basename(file)}`);
    fs.writeFileSync(copy, bytes);
    this.shown.push({ filename: path.basename(file), copy, mode, image });
  };
}
