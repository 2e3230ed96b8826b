import path from 'node:path';
import { ensureBuilt, ROOT } from '../../bin/build-outputs.mjs';

/**
 * The main-process bundle, built once for the run where it is older than its sources, and the image
 * processes of the servers tests start in their own process pointed at its worker. Started from the
 * sources, each image process loaded them through tsx: about 0.6 s more CPU per process, and a run
 * starts over a hundred (126: 72 s less CPU in the whole run). The worker's code is the same; test/imaging/image-process-exit.test.ts starts
 * the source entry itself.
 */
export default function setup(): void {
  ensureBuilt(['main']);
  process.env.INKSTAND_IMAGE_WORKER = path.join(ROOT, 'dist', 'main', 'worker.mjs');
}
