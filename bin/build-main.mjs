#!/usr/bin/env node
// Bundles the main process (CLI and server, the Electron main process, the image worker) into
// dist/main/ with esbuild, so every way of running the app runs plain JavaScript: no TypeScript
// compiler at run time (faster start, ~40 MB less memory). Called through bin/build-outputs.mjs.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Anywhere below the checkout works: the code finds package.json above it.
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist/main';

// Packages stay external (loaded from node_modules), except those that ship their own
// dependencies in a folder named node_modules inside their dist: electron-builder leaves such
// folders out of the packaged app, so they are bundled instead.
const BUNDLED_PACKAGES = new Set(['feedsmith']);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
  .filter((name) => !BUNDLED_PACKAGES.has(name))
  .flatMap((name) => [name, `${name}/*`]);

await build({
  absWorkingDir: root,
  entryPoints: { inkstand: 'main/cli/index.ts', desktop: 'main/desktop/main.ts', worker: 'main/imaging/worker-main.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true, // keeps lazily imported modules (the ICS parser, the certificate generator) lazy
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
});
