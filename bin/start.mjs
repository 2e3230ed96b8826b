#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed; otherwise (offline installs, CI)
// one line saying so and the same app headless, with the browser UI's address.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = (file) => fs.existsSync(path.join(root, 'dist', file));

function electronBinary() {
  if (!fs.existsSync(path.join(root, 'node_modules', 'electron', 'path.txt'))) return null;
  try {
    const binary = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], { cwd: root, encoding: 'utf8' }).stdout;
    const check = spawnSync(binary, ['--version'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 15_000 });
    return check.status === 0 ? binary : null;
  } catch {
    return null;
  }
}

function buildIfMissing(files, args) {
  if (files.every(built)) return;
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = electronBinary();
buildIfMissing(['renderer/index.html'], []);
if (electron) {
  buildIfMissing(['preload/preload.cjs'], ['--mode', 'preload']);
  const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 0));
} else {
  console.log('Electron is not installed here (its binary is downloaded at install time, which this machine skipped): running Inkstand headless; open the admin ui address below in a browser.');
  // The same as `inkstand serve`, from the main-process bundle (built here; a second or so).
  const build = spawnSync(process.execPath, [path.join(root, 'bin', 'build-main.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
  process.argv = [process.argv[0], path.join(root, 'bin', 'inkstand.mjs'), 'serve', ...process.argv.slice(2)];
  await import('./inkstand.mjs');
}
