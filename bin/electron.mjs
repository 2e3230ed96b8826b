// Getting the desktop runtime for a checkout: Electron's binary (downloaded by Electron's own
// installer, which honours ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR and the electron_* npm settings) and
// a build of better-sqlite3 for Electron's ABI. The checkout's own better-sqlite3 is built for Node,
// which the CLI, the headless server and the tests use, so the Electron build is kept beside it in
// node_modules/.cache and handed to the app as INKSTAND_SQLITE_BINDING (a packaged app has its
// modules rebuilt for Electron by electron-builder instead).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './build-outputs.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron');
const SQLITE_DIR = path.join(ROOT, 'node_modules', 'better-sqlite3');
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

export const electronVersion = () => require('electron/package.json').version;

/** Where Electron's installer downloads from, as it will read its settings. */
export function electronMirror(env = process.env) {
  const mirror = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror ?? DEFAULT_MIRROR;
  const dir = env.ELECTRON_CUSTOM_DIR ?? env.npm_config_electron_custom_dir ?? `v${electronVersion()}`;
  return `${mirror}${dir}/`;
}

/** The Electron executable when it is installed and starts, else null. */
export function installedElectron() {
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(ELECTRON_DIR, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  const check = spawnSync(binary, ['--version'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 15_000 });
  return check.status === 0 ? binary : null;
}

/** First line of what a failed tool printed, for a one-line message. */
const firstLine = (text) => text.split('\n').map((line) => line.trim()).find(Boolean) ?? 'no output';

/**
 * Runs Electron's own installer once. Resolves to null on success, or a one-line reason.
 * ELECTRON_SKIP_BINARY_DOWNLOAD (CI, offline installs) is respected, as the installer itself does.
 */
export function downloadElectron(say) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
  say(`Downloading Electron ${electronVersion()} (${process.platform}-${process.arch}) from ${electronMirror()} …`);
  const result = spawnSync(process.execPath, [path.join(ELECTRON_DIR, 'install.js')], { cwd: ELECTRON_DIR, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'], timeout: 10 * 60_000 });
  if (result.status === 0) return null;
  return result.error ? result.error.message : firstLine(result.stderr ?? '');
}

/** better-sqlite3 built for this Electron: the cached file, or made now (a prebuilt download, else a compile). */
export function electronSqliteBinding(say) {
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const cacheDir = path.join(ROOT, 'node_modules', '.cache', 'inkstand', `better-sqlite3-${sqliteVersion}-electron-${electronVersion()}-${process.platform}-${process.arch}`);
  const binding = path.join(cacheDir, 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;

  say(`Getting better-sqlite3 ${sqliteVersion} for Electron ${electronVersion()} (once) …`);
  fs.mkdirSync(path.dirname(cacheDir), { recursive: true });
  const work = fs.mkdtempSync(path.join(path.dirname(cacheDir), 'build-'));
  try {
    // A private copy of the package, so the checkout's Node build stays as it is.
    fs.cpSync(SQLITE_DIR, work, { recursive: true, filter: (source) => path.basename(source) !== 'build' });
    const target = [`--runtime=electron`, `--target=${electronVersion()}`, `--arch=${process.arch}`];
    const prebuilt = spawnSync(process.execPath, [require.resolve('prebuild-install/bin.js', { paths: [SQLITE_DIR] }), ...target, `--platform=${process.platform}`, '--tag-prefix=v'], { cwd: work, encoding: 'utf8' });
    if (prebuilt.status !== 0) {
      const nodeGyp = process.env.npm_config_node_gyp;
      if (!nodeGyp) throw new Error(`no prebuilt better-sqlite3 for Electron (${firstLine(prebuilt.stderr)}) and no node-gyp to compile one: run \`npm start\` through npm`);
      const compiled = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], { cwd: work, encoding: 'utf8' });
      if (compiled.status !== 0) throw new Error(`better-sqlite3 could not be built for Electron: ${firstLine(compiled.stderr)}`);
    }
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), `${binding}.tmp`);
    fs.renameSync(`${binding}.tmp`, binding);
    return binding;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
