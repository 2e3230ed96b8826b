import express from 'express';
import net from 'node:net';
import { ScreenInputError } from '../screens/errors.ts';
import { WebhookNotFoundError, type ScreenData } from '../screens/screen-data.ts';
import { HttpError } from './errors.ts';

/** TRMNL allows 2 KB; a LAN server can afford a Home Assistant state dump. */
export const WEBHOOK_BODY_LIMIT = '256kb';

/**
 * `POST /api/custom_plugins/<uuid>`: data for a webhook screen, from Home Assistant or a script on
 * the LAN. The unguessable uuid is the credential (no admin token, as on TRMNL); requests from
 * outside private networks are refused, so a port forwarded by mistake does not open it.
 */
export function webhookRoutes(data: Pick<ScreenData, 'push'>): express.Router {
  const router = express.Router();
  router.post('/custom_plugins/:uuid', (req, _res, next) => {
    if (!fromLocalNetwork(req.socket.remoteAddress)) return next(new HttpError(403, 'not_on_lan', 'webhooks are accepted from the local network only'));
    next();
  }, express.raw({ limit: WEBHOOK_BODY_LIMIT, type: () => true }), async (req, res, next) => {
    try {
      const uuid = String(req.params.uuid);
      if (!/^[0-9a-f-]{36}$/i.test(uuid)) throw new HttpError(404, 'unknown_plugin', 'no screen has this webhook address');
      const body: unknown = req.body;
      const screen = await data.push(uuid, Buffer.isBuffer(body) ? body : Buffer.alloc(0));
      res.json({ message: `data for "${screen.name}" updated`, merge_variables_bytes: JSON.stringify(screen.data).length });
    } catch (err) {
      if (err instanceof WebhookNotFoundError) return next(new HttpError(404, 'unknown_plugin', err.message));
      if (err instanceof ScreenInputError) return next(new HttpError(400, 'invalid_webhook', err.message));
      next(err);
    }
  });
  return router;
}

/** Loopback, RFC 1918, CGNAT, link-local and unique-local addresses. */
export function fromLocalNetwork(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (net.isIPv4(v4)) {
    const [a, b] = v4.split('.').map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  const lower = address.toLowerCase();
  return lower === '::1' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80:');
}
