#!/usr/bin/env node
// `npm start`: the desktop app. Electron's binary normally arrives with `npm install`; if it is still
// missing, this tries Electron's installer once, and where Electron cannot be had (offline, CI) it says
// so in one line and runs the same app headless, with the browser UI's address.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, ensureBuilt } from './build-outputs.mjs';
import { downloadElectron, electronSqliteBinding, installedElectron } from './electron.mjs';
import { SERVER_V8_FLAGS } from './server-v8-flags.mjs';

const say = (line) => console.log(line);

function desktopRuntime() {
  let electron = installedElectron();
  if (!electron) {
    const failure = downloadElectron(say);
    electron = failure ? null : installedElectron();
    if (!electron) return { reason: `Electron is not installed and could not be downloaded (${failure ?? 'the download did not give a working binary'})` };
  }
  try {
    return { electron, sqliteBinding: electronSqliteBinding(say) };
  } catch (error) {
    return { reason: error.message };
  }
}

const runtime = desktopRuntime();
if (runtime.electron) {
  ensureBuilt(['main', 'preload', 'renderer', 'frame']);
  // The server runs in Electron's main process; V8 flags reach that process only on Electron's command line.
  const child = spawn(runtime.electron, [`--js-flags=${SERVER_V8_FLAGS.join(' ')}`, ROOT, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, INKSTAND_SQLITE_BINDING: runtime.sqliteBinding } });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 0));
} else {
  say(`${runtime.reason}: running Inkstand headless; open the admin ui address below in a browser.`);
  process.argv = [process.argv[0], path.join(ROOT, 'bin', 'inkstand.mjs'), 'serve', ...process.argv.slice(2)];
  await import('./inkstand.mjs');
}
