import express, { type Request, type RequestHandler } from 'express';
import type { IntegrationKeys } from '../integrations/integration-keys.ts';
import { deviceSummary } from '../integrations/device-summary.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import type { Display } from '../storage/entities/display.ts';
import type { TrmnlService } from '../trmnl/trmnl-service.ts';
import { baseUrlOf } from './device-auth-middleware.ts';
import { HttpError } from './errors.ts';

export interface IntegrationRouteDeps {
  displays: Pick<DisplayStore, 'byRef' | 'list'>;
  keys: IntegrationKeys;
  trmnl: TrmnlService;
}

/**
 * The read-only API for integrations, with `Authorization: Bearer <integration key>`:
 * `GET /api/devices`, `GET /api/devices/:id` (numeric or human id) and `GET /api/current_screen?display=ID`.
 * A `/api/current_screen` without a bearer key is a device's own request (http/trmnl-routes.ts).
 */
export function integrationRoutes(deps: IntegrationRouteDeps): express.Router {
  const router = express.Router();
  const requireKey = requireIntegrationKey(deps.keys);
  const find = async (ref: unknown): Promise<Display> => {
    const text = typeof ref === 'string' ? ref.slice(0, 64) : '';
    const display = await deps.displays.byRef(text);
    if (!display) throw new HttpError(404, 'unknown_display', `no display "${text}"`);
    return display;
  };

  router.get('/devices', requireKey, async (req, res) => {
    const all = await deps.displays.list();
    res.json({ data: await Promise.all(all.map((d) => deviceSummary(d, deps.trmnl, baseUrlOf(req)))) });
  });

  router.get('/devices/:id', requireKey, async (req, res) => {
    res.json({ data: await deviceSummary(await find(req.params.id), deps.trmnl, baseUrlOf(req)) });
  });

  router.get('/current_screen', (req, res, next) => (bearerKey(req) === null ? next('router') : next()), requireKey, async (req, res) => {
    const display = await find(req.query.display);
    if (display.status === 'revoked') throw new HttpError(404, 'revoked', `${display.humanId} is revoked`);
    res.json(await deps.trmnl.screenOf(display, baseUrlOf(req)));
  });

  return router;
}

function requireIntegrationKey(keys: IntegrationKeys): RequestHandler {
  return async (req, _res, next) => {
    const key = bearerKey(req);
    if (!key || !(await keys.verify(key))) return next(new HttpError(401, 'not_authenticated', 'send "Authorization: Bearer <integration key>"; make one in Inkstand under Settings → Integrations'));
    next();
  };
}

function bearerKey(req: Request): string | null {
  return /^Bearer\s+(\S{1,200})$/i.exec(req.get('authorization') ?? '')?.[1] ?? null;
}
