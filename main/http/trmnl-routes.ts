import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from '../core/logger.ts';
import { telemetryFromHeaders } from '../displays/telemetry.ts';
import type { DeviceCredentials } from '../trmnl/device-identity.ts';
import { pixelHeader, type DeviceDescription } from '../trmnl/device-profile.ts';
import { LogPayloadError } from '../trmnl/log-entries.ts';
import { normalizeMac } from '../trmnl/mac.ts';
import type { TrmnlService } from '../trmnl/trmnl-service.ts';
import { baseUrlOf } from './device-auth-middleware.ts';
import { sendPngFile } from './send-png.ts';

export interface TrmnlRouteDeps {
  trmnl: TrmnlService;
  log: Logger;
}

/** Setup requests per source address per minute; the firmware asks once per wake-up until it is approved. */
const SETUPS_PER_MINUTE = Number(process.env.INKSTAND_BOOTSTRAP_LIMIT) || 60;

/**
 * The TRMNL-compatible device API (DESIGN.md §4): `GET /api/setup`, `GET /api/display`,
 * `GET /api/current_screen`, `POST /api/log` and the image URLs they hand out. Headers are read
 * case-insensitively. `/api/setup` and `/api/display` always answer HTTP 200 with a body `status`
 * (the firmware reads no body otherwise, and a `status` 500 makes it wipe itself, so it is never sent).
 */
export function trmnlRoutes({ trmnl, log }: TrmnlRouteDeps): express.Router {
  const router = express.Router();
  const setupLimit = rateLimit({
    windowMs: 60_000,
    limit: SETUPS_PER_MINUTE,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) => void res.json({ status: 429, api_key: null, friendly_id: null, image_url: null, message: 'too many setup requests from this address; wait a minute' }),
  });

  router.get('/setup', setupLimit, answering(log, async (req, res) => {
    res.json(await trmnl.setup(normalizeMac(req.get('id')), deviceDescription(req), firmwareOf(req), baseUrlOf(req)));
  }));

  router.get('/display', answering(log, async (req, res) => {
    res.json(await trmnl.display({
      credentials: credentialsOf(req),
      device: deviceDescription(req),
      firmware: firmwareOf(req),
      telemetry: telemetryOf(req),
      specialFunctionPressed: req.get('special_function')?.trim().toLowerCase() === 'true',
    }, baseUrlOf(req)));
  }));

  router.get('/current_screen', answering(log, async (req, res) => {
    res.json(await trmnl.currentScreen(credentialsOf(req), baseUrlOf(req)));
  }));

  router.post('/log', express.json({ limit: '64kb', type: () => true }), answering(log, async (req, res) => {
    const { httpStatus, body } = await trmnl.log(credentialsOf(req), req.body);
    if (body) res.status(httpStatus).json(body);
    else res.status(httpStatus).end();
  }));

  /** Fetched with a bare GET: the capability in the URL is the credential (trmnl/image-capability.ts). */
  router.get('/images/:display/:file', answering(log, async (req, res) => {
    const file = await trmnl.imageFile(String(req.params.display), String(req.params.file));
    if (!file) {
      res.status(404).json({ status: 404, detail: 'no such image', code: 'unknown_image' });
      return;
    }
    await sendPngFile(res, file, { cacheControl: 'private, max-age=31536000, immutable' });
  }));

  router.use(bodyErrors);
  return router;
}

function credentialsOf(req: Request): DeviceCredentials {
  // An empty Access-Token (the firmware sends one before it has a key) is no token at all.
  return { mac: normalizeMac(req.get('id')), token: req.get('access-token')?.trim() || null };
}

function deviceDescription(req: Request): DeviceDescription {
  const model = (req.get('model') ?? req.get('model-id'))?.trim().slice(0, 64);
  return { model: model || undefined, width: pixelHeader(req.get('width')), height: pixelHeader(req.get('height')) };
}

/** `FW-Version` from the firmware; trmnl-display sends none, but names its version in User-Agent. */
function firmwareOf(req: Request): string | undefined {
  const client = /^trmnl-display\/[\w.-]{1,20}$/.exec(req.get('user-agent') ?? '')?.[0];
  return req.get('fw-version')?.trim().slice(0, 64) || client;
}

/** trmnl-display reports `battery-voltage: 100.00` and `rssi: 0` as placeholders: neither is a measurement. */
function telemetryOf(req: Request) {
  const telemetry = telemetryFromHeaders((name) => req.get(name), { battery: 'battery-voltage', rssi: 'rssi', firmware: 'fw-version' });
  return { ...telemetry, rssi: telemetry.rssi === 0 ? undefined : telemetry.rssi, firmware: firmwareOf(req) };
}

/** A failure inside a TRMNL route is answered in TRMNL's terms, never as an HTTP or body 500. */
function answering(log: Logger, handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (err instanceof LogPayloadError) {
        res.status(400).json({ status: 400, detail: err.message, code: 'invalid_log' });
        return;
      }
      log.error({ err, path: req.path }, 'TRMNL request failed');
      if (res.headersSent) return;
      if (req.method === 'GET' && (req.path === '/display' || req.path === '/setup' || req.path === '/current_screen')) {
        res.json({ status: 503, image_url: null, filename: null, refresh_rate: 60, reset_firmware: false, update_firmware: false, message: 'Inkstand could not answer just now; it will on the next try' });
      } else {
        res.status(503).json({ status: 503, detail: 'Inkstand could not answer just now', code: 'unavailable' });
      }
    }
  };
}

/** Malformed or oversized log bodies, before they reach a handler. */
const bodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large') res.status(413).json({ status: 413, detail: 'log body is too large', code: 'body_too_large' });
  else if (type === 'entity.parse.failed') res.status(400).json({ status: 400, detail: 'log body is not valid JSON', code: 'malformed_json' });
  else if (typeof (err as { status?: unknown }).status === 'number' && (err as { status: number }).status < 500) res.status((err as { status: number }).status).json({ status: (err as { status: number }).status, detail: 'bad request', code: 'bad_request' });
  else next(err);
};
