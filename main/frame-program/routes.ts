import { Router } from 'express';
import { HttpError } from '../http/errors.ts';
import type { FrameBundleSource } from './bundle.ts';
import { renderInstaller } from './installer.ts';
import { plainAddress, urlHost, type FrameListenersHolder } from './listeners.ts';

/**
 * `GET /frame/install.sh`, `GET /frame/inkstand-frame.tar.gz` and `GET /frame/panel-guide`, without auth: the frame program is
 * public code. The installer names the address the request came in on, so a Pi that could fetch it
 * reaches the server at the same address.
 */
export function frameProgramRoutes(deps: { bundle: FrameBundleSource; listeners: FrameListenersHolder }): Router {
  const router = Router();
  const built = () => {
    const bundle = deps.bundle.get();
    if (!bundle) throw new HttpError(503, 'frame_program_not_built', 'the frame program is not built in this copy of Inkstand: run `npm run build` (npm start and npm run serve do it for you)');
    return bundle;
  };

  router.get('/install.sh', (req, res) => {
    const bundle = built();
    const listeners = deps.listeners.current;
    const address = listeners?.boundHost ?? (req.socket.localAddress ? plainAddress(req.socket.localAddress) : null);
    if (!listeners || !address) throw new HttpError(503, 'not_listening', 'the server is still starting; try again in a moment');
    const host = urlHost(address);
    const script = renderInstaller({
      httpBase: `http://${host}:${listeners.httpPort}`,
      httpsBase: `https://${host}:${listeners.httpsPort}`,
      fingerprint: listeners.fingerprint,
      version: bundle.version,
      sha256: bundle.sha256,
    });
    res.type('text/x-shellscript; charset=utf-8').set('Cache-Control', 'no-store').send(script);
  });

  router.get('/inkstand-frame.tar.gz', (_req, res) => {
    const bundle = built();
    res.type('application/gzip')
      .set('Content-Disposition', 'attachment; filename="inkstand-frame.tar.gz"')
      .set('ETag', `"${bundle.sha256}"`)
      .set('Cache-Control', 'no-cache')
      .send(bundle.tarball);
  });
  router.get('/panel-guide', (_req, res) => {
    // Plain text: every browser shows it in place (Markdown reads fine as it is).
    res.type('text/plain; charset=utf-8').send(built().panelGuide);
  });
  return router;
}
