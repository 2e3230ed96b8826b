import express from 'express';
import fs from 'node:fs';
import type { RequestListener } from 'node:http';
import path from 'node:path';
import type { AdminApi } from '../../contract/admin.ts';
import type { Core } from '../create-core.ts';
import { adminRoutes } from './admin-routes.ts';
import { notModifiedFromMemory } from './device-fast-path.ts';
import { deviceRoutes } from './device-routes.ts';
import { errorHandler, notFound } from './errors.ts';
import { frameProgramRoutes } from '../frame-program/routes.ts';
import { integrationRoutes } from './integration-routes.ts';
import { integrationControlRoutes } from './integration-control-routes.ts';
import { uploadRoutes } from './upload-routes.ts';
import { uploadPhotoFile } from '../admin/library-operations.ts';
import { uploadTempDir } from '../library/paths.ts';
import { trmnlRoutes } from './trmnl-routes.ts';

export interface HttpAppOptions {
  /** Folder of the built renderer (index.html), served at / for the browser UI. */
  rendererDir?: string;
}

/** What the HTTP and HTTPS listeners serve: unchanged-state device polls answered from memory, everything else by the Express app. */
export function createRequestListener(core: Core, admin: AdminApi, options: HttpAppOptions = {}): RequestListener {
  const app = createHttpApp(core, admin, options);
  const notModified = notModifiedFromMemory({ auth: core.deviceAuth, displayContent: core.displayContent, telemetry: core.telemetry });
  return (req, res) => {
    if (!notModified(req, res)) app(req, res);
  };
}

/** The Express app; it does not listen itself. */
export function createHttpApp(core: Core, admin: AdminApi, options: HttpAppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use('/api', integrationRoutes({ db: core.db, keys: core.integrationKeys, trmnl: core.trmnl }));
  app.use('/api', integrationControlRoutes({ db: core.db, keys: core.integrationKeys, actions: core.actions }));
  // TRMNL's `GET /api/display` must be matched before the native router mounted at /api/display.
  app.use('/api', trmnlRoutes({ trmnl: core.trmnl, log: core.app.log }));
  app.use('/api/display', deviceRoutes({
    db: core.db,
    pairing: core.pairing,
    auth: core.deviceAuth,
    displayContent: core.displayContent,
    actions: core.actions,
    profiles: core.profiles,
    telemetry: core.telemetry,
  }));
  app.use('/frame', frameProgramRoutes(core.frameProgram));
  app.use('/api/admin', uploadRoutes((name, file) => uploadPhotoFile(core, name, file), core.adminTokens, uploadTempDir(core.app.dataDir)));
  app.use('/api/admin', adminRoutes(admin, core.adminTokens, core.app.events));
  if (options.rendererDir && fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    app.use(express.static(options.rendererDir, { index: 'index.html' }));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The control UI is not built in this checkout: run `npm run build:renderer` (`npm start` does it for you), then reload this page.\n');
    });
  }
  app.use(notFound);
  app.use(errorHandler(core.app.log));
  return app;
}
