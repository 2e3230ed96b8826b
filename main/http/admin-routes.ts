import express, { type Request, type RequestHandler } from 'express';
import { ADMIN_EVENTS, ADMIN_HTTP_ROUTES, type AdminApi, type AdminOperationName } from '../../contract/admin.ts';
import type { AdminTokenStore } from '../settings/admin-token-store.ts';
import type { AppEvents } from '../core/events.ts';
import { HttpError } from './errors.ts';

/** The admin contract over HTTP: `Authorization: Bearer <admin token>`; events as Server-Sent Events. */
export function adminRoutes(api: AdminApi, tokens: AdminTokenStore, events: AppEvents): express.Router {
  const router = express.Router();
  router.use(requireAdminToken(tokens));
  router.use(express.json({ limit: '64kb' }));

  router.get('/events', (req, res) => {
    res.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' }).flushHeaders();
    const unsubscribe = ADMIN_EVENTS.map((name) => events.on(name, (payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)));
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe.forEach((off) => off());
    });
  });

  for (const [name, route] of Object.entries(ADMIN_HTTP_ROUTES) as [AdminOperationName, (typeof ADMIN_HTTP_ROUTES)[AdminOperationName]][]) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    router[method](route.path, async (req, res) => {
      const fromBody = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
      const args = { ...(method === 'get' ? req.query : {}), ...fromBody, ...req.params };
      res.json(await (api[name] as (a: unknown) => Promise<unknown>)(args));
    });
  }
  return router;
}

/** `Authorization: Bearer <admin token>` on every admin route. */
export function requireAdminToken(tokens: AdminTokenStore): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerToken(req);
    if (!token || !(await tokens.verify(token))) return next(new HttpError(401, 'not_authenticated', 'admin API needs "Authorization: Bearer <admin token>"'));
    next();
  };
}

function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(req.get('authorization') ?? '');
  if (match) return match[1];
  // EventSource cannot set headers: the events stream alone accepts the token as a query parameter.
  return req.path === '/events' && typeof req.query.token === 'string' ? req.query.token : null;
}
