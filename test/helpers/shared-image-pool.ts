import { holdImagePool } from '../../main/imaging/pool.ts';

/**
 * Setup file of the projects whose files share a few long-lived worker processes
 * (isolate: false). Each server lets go of the image processes when it stops, and the last to let
 * go stops them, so without this hold every file started and warmed up image processes of its own
 * (0.9 s of CPU each on average, 128 a run). Held for the worker's life, they are shared from
 * file to file like the modules are; they still exit after a while without work and never keep the
 * worker alive. Setup files run again for every file, so the hold is taken once per process.
 */
const HELD = Symbol.for('inkstand.test.imagePoolHeld');
const state = globalThis as { [HELD]?: true };
if (!state[HELD]) {
  state[HELD] = true;
  holdImagePool();
}
