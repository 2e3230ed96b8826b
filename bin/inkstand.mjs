#!/usr/bin/env node
// The CLI (`inkstand …`, `npm run serve`, `npm run cli`): runs the main-process bundle, dist/main,
// building it first (a second or so) when it is missing or older than main/; `serve` also builds the
// control UI and the frame program's tarball when missing, so every way to start serves the real UI
// and the real frame program. `serve` first restarts itself with the server's V8 flags.
import { ensureBuilt, isFresh } from './build-outputs.mjs';
import { restartWithServerV8Flags } from './server-v8-flags.mjs';

const serving = process.argv[2] === 'serve';
if (serving) restartWithServerV8Flags();
try {
  ensureBuilt(serving ? ['main', 'renderer', 'frame'] : ['main']);
} catch (error) {
  // An installed copy without the dev tools still runs what it shipped with.
  if (!isFresh('main')) throw error;
}
await import('../dist/main/inkstand.mjs');
