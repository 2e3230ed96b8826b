import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import type { AdminApi } from '../admin/contract.ts';
import type { Core } from '../core/create-core.ts';
import { adminRoutes } from './admin-routes.ts';
import { deviceRoutes } from './device-routes.ts';
import { errorHandler, notFound } from './errors.ts';

export interface HttpAppOptions {
  /** Folder of the built renderer (index.html), served at / for the browser UI. */
  rendererDir?: string;
}

/** The Express app shared by the HTTP and HTTPS listeners; it does not listen itself. */
export function createHttpApp(core: Core, admin: AdminApi, options: HttpAppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use('/api/display', deviceRoutes({
    db: core.db,
    pairing: core.pairing,
    auth: core.deviceAuth,
    screens: core.screens,
    actions: core.actions,
    profiles: core.profiles,
    telemetry: core.telemetry,
  }));
  app.use('/api/admin', adminRoutes(admin, core.adminTokens, core.app.events));
  if (options.rendererDir && fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    app.use(express.static(options.rendererDir, { index: 'index.html' }));
  }
  app.use(notFound);
  app.use(errorHandler(core.app.log));
  return app;
}
