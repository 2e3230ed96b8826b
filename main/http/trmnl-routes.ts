import express, { type Request } from 'express';
import fs from 'node:fs';
import { z } from 'zod';
import type { DeviceAuth } from '../displays/device-auth.ts';
import { PairingError, type Pairing } from '../displays/pairing.ts';
import { telemetryFromHeaders, type TelemetryRecorder } from '../displays/telemetry.ts';
import type { Logger } from '../core/logger.ts';
import type { ScreenService } from '../screens/screen-service.ts';
import type { ScreenState } from '../screens/screen-state.ts';
import type { FrameStore } from '../frames/frame-store.ts';
import { baseUrlOf } from './device-auth-middleware.ts';
import { HttpError } from './errors.ts';

export interface TrmnlRouteDeps {
  frames: FrameStore;
  pairing: Pairing;
  auth: DeviceAuth;
  screens: ScreenService;
  telemetry: TelemetryRecorder;
  log: Logger;
}

/** TRMNL's OG panel; the firmware wants a 1-bit PNG of at most 90,000 bytes. */
const TRMNL_PROFILE = 'trmnl-og-1bit';
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
const MIN_REFRESH_S = 60;

/**
 * The TRMNL-compatible device API (DESIGN.md §4) over the same displays, pairing and content as the
 * native protocol. Answers are always HTTP 200 with a body `status`: the firmware treats a 500 as
 * "wipe my credentials", so trouble is reported as 202 with a message instead.
 */
export function trmnlRoutes(deps: TrmnlRouteDeps): express.Router {
  const router = express.Router();
  const header = (req: Request, name: string) => req.get(name)?.trim() || undefined;

  router.get('/setup', async (req, res) => {
    const mac = header(req, 'id');
    if (!mac || !MAC.test(mac)) {
      res.json({ status: 404, api_key: null, friendly_id: null, image_url: null, message: 'send the device MAC address in the "ID" header' });
      return;
    }
    const outcome = await deps.pairing.bootstrap({
      hardwareId: `trmnl:${mac.toLowerCase()}`,
      width: 800,
      height: 480,
      profileId: TRMNL_PROFILE,
      firmware: header(req, 'fw-version')?.slice(0, 64),
      protocol: 'trmnl',
    }).catch((err) => {
      if (err instanceof PairingError) return null;
      throw err;
    });
    if (!outcome) {
      res.json({ status: 429, api_key: null, friendly_id: null, image_url: null, message: 'too many frames are waiting for approval in Inkstand' });
      return;
    }
    const { display } = outcome;
    deps.telemetry.record(display.id, {});
    const state = await deps.screens.current(display.id);
    if (outcome.status === 'pending') {
      res.json({ status: 202, api_key: null, friendly_id: display.humanId, image_url: imageUrl(req, state), filename: filename(state), message: `Approve ${display.humanId} (code ${display.pairingCode}) in Inkstand` });
      return;
    }
    res.json({ status: 200, api_key: outcome.token, friendly_id: display.humanId, image_url: imageUrl(req, state), filename: filename(state), message: 'Welcome to Inkstand' });
  });

  router.get(['/display', '/current_screen'], async (req, res) => {
    const displayId = await authenticate(req);
    if (displayId === null) {
      res.json({ status: 202, image_url: null, filename: null, refresh_rate: 300, reset_firmware: false, update_firmware: false, message: 'unknown or revoked device; approve it in Inkstand' });
      return;
    }
    const state = await deps.screens.current(displayId);
    if (req.path === '/current_screen') {
      res.json({ status: 0, image_url: imageUrl(req, state), filename: filename(state), refresh_rate: refreshRate(state), rendered_at: state.producedAt.toISOString() });
      return;
    }
    deps.telemetry.record(displayId, telemetryFromHeaders((n) => req.get(n), { battery: 'battery-voltage', rssi: 'rssi', firmware: 'fw-version' }));
    res.json({
      status: 0,
      image_url: imageUrl(req, state),
      filename: filename(state),
      refresh_rate: refreshRate(state),
      reset_firmware: false,
      update_firmware: false,
      firmware_url: null,
      special_function: 'none',
    });
  });

  router.post('/log', express.json({ limit: '64kb' }), async (req, res) => {
    const displayId = await authenticate(req);
    if (displayId === null) throw new HttpError(401, 'invalid_token', 'unknown or revoked Access-Token');
    const body = z.object({ logs: z.array(z.unknown()).max(200).optional(), log: z.unknown().optional() }).passthrough().parse(req.body);
    deps.log.info({ displayId, deviceLog: body }, 'TRMNL device log');
    res.status(204).end();
  });

  /** Image URLs carry the frame's content-hash version, which cannot be guessed; the firmware fetches them without headers. */
  router.get('/images/:file', async (req, res) => {
    const version = /^([0-9a-f]{16})\.png$/.exec(String(req.params.file))?.[1];
    const frame = version ? await deps.frames.byVersion(version) : null;
    if (!frame) throw new HttpError(404, 'unknown_image', 'no such image');
    const data = fs.readFileSync(deps.frames.absolutePath(frame));
    res.status(200).set('Content-Type', 'image/png').set('Content-Length', String(data.length)).end(data);
  });

  async function authenticate(req: Request): Promise<number | null> {
    const token = header(req, 'access-token');
    return token && token.length <= 200 ? deps.auth.displayFor(token) : null;
  }

  return router;
}

function imageUrl(req: Request, state: ScreenState): string {
  return `${baseUrlOf(req)}/api/images/${state.version}.png`;
}

/** `<kind>-<6 chars>-<10-digit epoch>`: changes exactly when the picture does. */
function filename(state: ScreenState): string {
  return `${state.mode}-${state.version.slice(0, 6)}-${String(Math.floor(state.producedAt.getTime() / 1000)).padStart(10, '0')}`;
}

/** The display's poll interval, shortened so the frame wakes for the next scheduled change. */
function refreshRate(state: ScreenState): number {
  const untilChange = state.nextChangeAt ? Math.ceil((state.nextChangeAt.getTime() - Date.now()) / 1000) : Infinity;
  return Math.max(MIN_REFRESH_S, Math.min(state.pollIntervalS, untilChange));
}
