// What `npm run build` makes, and "build it if it is missing or older than its sources", shared by
// `npm start`, `inkstand …` and `npm run build`. Several processes may start at once (tests, a CLI
// call beside a starting server): a lock makes one of them build while the others wait, and every
// output is written to a temporary folder and renamed into place, so nobody runs a half-built one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** Each output: the file that proves it is there, the sources it is made from, and how to make it into a folder. */
export const OUTPUTS = {
  renderer: {
    dir: 'dist/renderer',
    marker: 'index.html',
    sources: ['renderer', 'contract', 'vite.config.ts'],
    build: (outDir) => run(VITE, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']),
  },
  preload: {
    dir: 'dist/preload',
    marker: 'preload.cjs',
    sources: ['preload', 'contract', 'main/desktop/ipc-protocol.ts', 'vite.config.ts'],
    build: (outDir) => run(VITE, ['build', '--mode', 'preload', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']),
  },
  main: {
    dir: 'dist/main',
    marker: 'inkstand.mjs',
    sources: ['main', 'contract', 'package.json'],
    build: (outDir) => run(path.join(ROOT, 'bin', 'build-main.mjs'), ['--outdir', outDir]),
  },
  // The frame program as the server hands it to a Pi (GET /frame/inkstand-frame.tar.gz).
  frame: {
    dir: 'dist/frame',
    marker: 'manifest.json',
    sources: ['frame', 'bin/build-frame.mjs', 'README.md'],
    build: (outDir) => run(path.join(ROOT, 'bin', 'build-frame.mjs'), ['--outdir', outDir]),
  },
};

function run(script, args) {
  // Production builds whatever the caller's NODE_ENV (vitest sets "test", which would bundle React's development build).
  const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`${path.relative(ROOT, script)} ${args.join(' ')} failed`);
}

function newestMtime(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

export function isFresh(name) {
  const output = OUTPUTS[name];
  const marker = fs.statSync(path.join(ROOT, output.dir, output.marker), { throwIfNoEntry: false });
  if (!marker) return false;
  // A packaged app or an npm tarball ships dist/ without the sources: what is there is what runs.
  const sourceTimes = output.sources.map((source) => newestMtime(path.join(ROOT, source)));
  return marker.mtimeMs >= Math.max(...sourceTimes);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Holds dist/.build-lock while `work` runs; a lock older than two minutes was left by a killed build. */
function withLock(work) {
  const lock = path.join(ROOT, 'dist', '.build-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      else sleep(100);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function buildInto(name) {
  const output = OUTPUTS[name];
  const target = path.join(ROOT, output.dir);
  const fresh = `${target}.new-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  try {
    output.build(fresh);
    if (fs.existsSync(target)) fs.renameSync(target, old);
    fs.renameSync(fresh, target);
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
  }
}

/**
 * Builds each named output that is missing or older than its sources (all of them with `force`).
 * Returns the names it built. Needs the dev dependencies (vite, esbuild), as a checkout has.
 */
export function ensureBuilt(names, { force = false } = {}) {
  const stale = () => names.filter((name) => force || !isFresh(name));
  if (stale().length === 0) return [];
  return withLock(() => {
    const todo = stale(); // another process may have built them while we waited
    for (const name of todo) buildInto(name);
    return todo;
  });
}
