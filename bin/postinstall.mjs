#!/usr/bin/env node
// npm's postinstall: runs Electron's installer (its own install script is switched off in package.json's
// allowScripts, because it fails the whole `npm install` when the download fails). Here a failed download
// is one line, and `npm start` tries again or runs headless.
import { downloadElectron, installedElectron } from './electron.mjs';

if (!installedElectron()) {
  const failure = downloadElectron((line) => console.log(line));
  if (failure) console.log(`Electron was not downloaded (${failure}); \`npm start\` will try again, and runs Inkstand headless where it cannot.`);
}
