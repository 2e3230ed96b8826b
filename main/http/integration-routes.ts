import express from 'express';
import type { IntegrationKeyStore } from '../integrations/integration-key-store.ts';
import { deviceSummary } from '../integrations/device-summary.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import type { TrmnlService } from '../trmnl/trmnl-service.ts';
import { baseUrlOf } from './device-auth-middleware.ts';
import { displayByRef } from './display-ref.ts';
import { HttpError } from './errors.ts';
import { bearerKey, requireIntegrationKey } from './integration-auth.ts';

export interface IntegrationRouteDeps {
  displays: Pick<DisplayStore, 'byRef' | 'list'>;
  keys: IntegrationKeyStore;
  trmnl: TrmnlService;
}

/**
 * The read-only API for integrations, with `Authorization: Bearer <integration key>`:
 * `GET /api/devices`, `GET /api/devices/:id` (numeric or human id) and `GET /api/current_screen?display=ID`.
 * A `/api/current_screen` without a bearer key is a device's own request (http/trmnl-routes.ts).
 */
export function integrationRoutes(deps: IntegrationRouteDeps): express.Router {
  const router = express.Router();
  const requireKey = requireIntegrationKey(deps.keys, 'read');
  const find = (ref: unknown) => displayByRef(deps.displays, ref);

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
