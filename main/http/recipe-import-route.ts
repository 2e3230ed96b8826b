import express, { type Request } from 'express';
import type { AdminApi } from '../../contract/admin.ts';
import { ValidationError } from '../core/errors.ts';
import type { AdminTokenStore } from '../settings/admin-token-store.ts';
import { requireAdminToken } from './admin-routes.ts';
import { HttpError } from './errors.ts';

/**
 * `POST /api/admin/screens/import`: screens.import over HTTP. A recipe ZIP arrives as base64 in
 * JSON, so it gets its own body limit above the admin routes' 64 KB; mounted before them.
 */
export function recipeImportRoute(admin: Pick<AdminApi, 'screens.import'>, tokens: AdminTokenStore): express.Router {
  const router = express.Router();
  router.post('/screens/import', requireAdminToken(tokens), express.json({ limit: '9mb' }), async (req: Request, res) => {
    try {
      res.json(await admin['screens.import'](req.body ?? {}));
    } catch (err) {
      if (err instanceof ValidationError) throw new HttpError(400, 'invalid_request', err.message);
      throw err;
    }
  });
  return router;
}
