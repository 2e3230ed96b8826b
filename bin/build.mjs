#!/usr/bin/env node
// `npm run build`: the renderer, the preload and the main-process bundle into dist/ (also run by
// `prepare` after `npm install`, so a fresh checkout starts without a build step).
import { OUTPUTS, ensureBuilt } from './build-outputs.mjs';

const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(OUTPUTS);
const unknown = names.filter((name) => !(name in OUTPUTS));
if (unknown.length > 0) {
  console.error(`unknown output ${unknown.join(', ')}; choose from ${Object.keys(OUTPUTS).join(', ')}`);
  process.exit(2);
}
ensureBuilt(names, { force: true });
