import type { Request, RequestHandler } from 'express';
import type { IntegrationKeyStore, IntegrationScope } from '../integrations/integration-key-store.ts';
import { HttpError } from './errors.ts';

/**
 * `Authorization: Bearer <integration key>` with at least `scope`: no or an unknown key is 401,
 * the read-only key on a control route is 403 (it is a valid key that may not do this).
 */
export function requireIntegrationKey(keys: IntegrationKeyStore, scope: IntegrationScope): RequestHandler {
  return async (req, _res, next) => {
    const key = bearerKey(req);
    const granted = key ? await keys.verify(key) : null;
    if (!granted) return next(new HttpError(401, 'not_authenticated', 'send "Authorization: Bearer <integration key>"; make one in Inkstand under Settings → Integrations'));
    if (scope === 'control' && granted !== 'control') return next(new HttpError(403, 'read_only_key', 'this integration key is read-only; changing what a display shows needs the control key (Settings → Integrations)'));
    next();
  };
}

export function bearerKey(req: Request): string | null {
  return /^Bearer\s+(\S{1,200})$/i.exec(req.get('authorization') ?? '')?.[1] ?? null;
}
