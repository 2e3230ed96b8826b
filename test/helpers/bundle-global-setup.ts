import path from 'node:path';
import { ensureBuilt, ROOT } from '../../bin/build-outputs.mjs';

/**
 * The main-process bundle, built once for the run where it is older than its sources, and the
 * child processes (image, certificate) of the servers tests start in their own process pointed at
 * its entries (main/core/child-entry.ts). Started from the sources, each loaded them through tsx:
 * about 0.6 s more CPU per process, and a run starts over a hundred (126: 72 s less CPU in the
 * whole run). The code is the same; test/tls/certificate-process.test.ts starts a source entry itself.
 */
export default function setup(): void {
  ensureBuilt(['main']);
  process.env.INKSTAND_CHILD_ENTRY_DIR = path.join(ROOT, 'dist', 'main');
}
