import express, { type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { bootstrapRequestSchema, buttonRequestSchema, type BootstrapApproved, type BootstrapPending } from '../../contract/device.ts';
import type { DeviceAuth } from '../displays/device-auth.ts';
import { BUTTONS } from '../displays/buttons.ts';
import { PairingError, type Pairing } from '../displays/pairing.ts';
import { telemetryFromHeaders, type TelemetryRecorder } from '../displays/telemetry.ts';
import { defaultProfileForResolution } from '../imaging/profiles.ts';
import type { ProfileStore } from '../panel-images/profile-store.ts';
import type { DisplayActions } from '../display-content/display-actions.ts';
import type { DisplayContentService } from '../display-content/display-content-service.ts';
import { stateBody, type DisplayState } from '../display-content/display-state.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import { baseUrlOf, requireDeviceToken } from './device-auth-middleware.ts';
import { HttpError } from './errors.ts';
import { sendPngFile } from './send-png.ts';

export interface DeviceRouteDeps {
  displays: Pick<DisplayStore, 'byHardwareId'>;
  pairing: Pairing;
  auth: DeviceAuth;
  displayContent: DisplayContentService;
  actions: DisplayActions;
  profiles: ProfileStore;
  telemetry: TelemetryRecorder;
}

/**
 * How soon a pending frame asks again: after Approve it shows its picture within this. 20 requests a
 * minute per pending frame, a third of the per-address limit; pending frames are few and brief.
 */
const PENDING_RETRY_S = 3;
/** Bootstrap requests per source address per minute; a pending frame asks every PENDING_RETRY_S. */
const BOOTSTRAPS_PER_MINUTE = Number(process.env.INKSTAND_BOOTSTRAP_LIMIT) || 60;
const MAX_WAIT_S = 60;
/** Telemetry headers of the native protocol. */
export const NATIVE_TELEMETRY_HEADERS = { battery: 'x-battery-voltage', rssi: 'x-rssi', firmware: 'x-firmware', cpuTemperature: 'x-cpu-temperature', uptime: 'x-uptime' };


/** The native device protocol (DESIGN.md §3). */
export function deviceRoutes(deps: DeviceRouteDeps): express.Router {
  const router = express.Router();
  const json = express.json({ limit: '8kb' });
  const bootstrapLimit = rateLimit({
    windowMs: 60_000,
    limit: BOOTSTRAPS_PER_MINUTE,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', 'too many bootstrap requests from this address; wait a minute')),
  });

  router.post('/bootstrap', bootstrapLimit, json, async (req, res) => {
    const body = bootstrapRequestSchema.parse(req.body);
    const profileId = body.panel ?? defaultProfileForResolution(body.horizontal_pixels, body.vertical_pixels).id;
    if (!(await deps.profiles.exists(profileId))) throw new HttpError(400, 'unknown_panel', `unknown panel profile "${profileId}"`);
    const outcome = await deps.pairing.bootstrap({
      hardwareId: body.hardware_id,
      width: body.horizontal_pixels,
      height: body.vertical_pixels,
      profileId,
      firmware: body.firmware,
      protocol: 'native',
    }).catch((err) => {
      throw err instanceof PairingError ? new HttpError(err.httpStatus, err.code, err.message) : err;
    });
    deps.telemetry.record(outcome.display.id, { firmware: body.firmware });
    const base = baseUrlOf(req);
    if (outcome.status === 'pending') {
      const { display } = outcome;
      res.status(202).json({
        human_readable_id: display.humanId,
        status: 'pending',
        pairing_code: display.pairingCode,
        retry_after_s: PENDING_RETRY_S,
        image_url: `${base}/api/display/pairing-image?hardware_id=${encodeURIComponent(display.hardwareId)}&code=${display.pairingCode}`,
      } satisfies BootstrapPending);
      return;
    }
    const state = await deps.displayContent.recompute(outcome.display.id);
    res.status(200).json({
      human_readable_id: outcome.display.humanId,
      token_key: outcome.token,
      mode: state.mode,
      state_url: `${base}/api/display/state`,
      image_base_url: `${base}/api/display/image`,
    } satisfies BootstrapApproved);
  });

  /** The picture a frame shows while it waits for approval; it needs the code the frame was given. */
  router.get('/pairing-image', async (req, res) => {
    const hardwareId = typeof req.query.hardware_id === 'string' ? req.query.hardware_id : '';
    const code = typeof req.query.code === 'string' ? req.query.code : '';
    const display = hardwareId ? await deps.displays.byHardwareId(hardwareId) : null;
    if (!display || display.status !== 'pending' || display.pairingCode !== code) {
      throw new HttpError(404, 'not_pending', 'no display is waiting for approval with that hardware id and code');
    }
    await sendPng(res, await deps.displayContent.current(display.id), 'no-store');
  });

  router.use(requireDeviceToken(deps.auth));

  router.get('/state', async (req, res) => {
    const displayId: number = res.locals.displayId;
    deps.telemetry.record(displayId, telemetryFromHeaders((n) => req.get(n), NATIVE_TELEMETRY_HEADERS));
    const waitS = parseWait(req.query.wait);
    const ifNoneMatch = req.get('if-none-match');
    const state = ifNoneMatch && waitS > 0
      ? await deps.displayContent.waitForChange(displayId, ifNoneMatch, waitS * 1000, abortedWhenClosed(res))
      : await deps.displayContent.current(displayId);
    res.set('ETag', state.etag).set('Cache-Control', 'no-cache');
    if (ifNoneMatch === state.etag) {
      res.status(304).end();
      return;
    }
    res.json(stateBody(state, baseUrlOf(req)));
  });

  router.get('/image', async (req, res) => {
    const state = await deps.displayContent.current(res.locals.displayId);
    const version = typeof req.query.version === 'string' ? req.query.version : '';
    if (version !== state.version) {
      throw new HttpError(404, 'unknown_version', version ? `version "${version.slice(0, 40)}" is not this display's current picture` : 'missing ?version=', { version: state.version });
    }
    if (req.get('if-none-match') === `"${state.version}"`) {
      res.status(304).set('ETag', `"${state.version}"`).end();
      return;
    }
    await sendPng(res, state, 'private, max-age=31536000, immutable');
  });

  router.post('/button', json, async (req, res) => {
    const body = buttonRequestSchema.parse(req.body);
    if (!(BUTTONS as readonly string[]).includes(body.button)) throw new HttpError(400, 'unknown_button', `unknown button "${body.button.slice(0, 20)}"; use one of ${BUTTONS.join(', ')}`);
    const state = await deps.actions.pressButton(res.locals.displayId, body.button as (typeof BUTTONS)[number], body.action ?? 'press');
    res.set('ETag', state.etag).json(stateBody(state, baseUrlOf(req)));
  });

  return router;
}

/** A held long-poll lets go when the frame hangs up. */
function abortedWhenClosed(res: Response): AbortSignal {
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  return abort.signal;
}

function parseWait(value: unknown): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 0) throw new HttpError(400, 'invalid_wait', '?wait= takes whole seconds from 0 to 60');
  return Math.min(n, MAX_WAIT_S);
}

function sendPng(res: Response, state: DisplayState, cacheControl: string): Promise<void> {
  return sendPngFile(res, state.filePath, { cacheControl, etag: `"${state.version}"` });
}
