#!/usr/bin/env node
// Packs frame/ (the frame program) into what the server hands out at GET /frame/inkstand-frame.tar.gz:
// `build-frame.mjs --outdir DIR` writes DIR/inkstand-frame.tar.gz and DIR/manifest.json (the frame
// program's version, the tarball's SHA-256 and every packed file's SHA-256), and DIR/panel-guide.md
// (the README's "Panel guide" section, which the app's "Add a frame" page links to). Run by `npm run build`
// (bin/build-outputs.mjs). The tarball is reproducible: sorted entries, one fixed mtime, no owners,
// so the same frame/ always gives the same bytes and the same checksum in the installer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'tar';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRAME = path.join(ROOT, 'frame');
const FIXED_MTIME = new Date('2024-01-01T00:00:00Z');

/** Files of frame/ that belong to the program: not Python's caches. Paths are relative to the repo root. */
export function frameFiles(frameDir = FRAME) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === '__pycache__' || entry.name.endsWith('.pyc')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(path.dirname(frameDir), full).split(path.sep).join('/'));
    }
  };
  walk(frameDir);
  return out;
}

export function frameVersion(frameDir = FRAME) {
  const init = fs.readFileSync(path.join(frameDir, 'inkstand_frame', '__init__.py'), 'utf8');
  const match = init.match(/^VERSION = "([^"]+)"$/m);
  if (!match) throw new Error('frame/inkstand_frame/__init__.py has no VERSION = "…" line');
  return match[1];
}

/** The README's `## Panel guide` section, up to the next `## ` heading. */
export function panelGuide(readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')) {
  const start = readme.indexOf('\n## Panel guide\n');
  if (start < 0) throw new Error('README.md has no "## Panel guide" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start + 1, end < 0 ? undefined : end + 1);
}

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

function main() {
  const outIndex = process.argv.indexOf('--outdir');
  if (outIndex < 0 || !process.argv[outIndex + 1]) throw new Error('usage: build-frame.mjs --outdir DIR');
  const outDir = path.resolve(process.argv[outIndex + 1]);
  fs.mkdirSync(outDir, { recursive: true });
  const files = frameFiles();
  const tarball = path.join(outDir, 'inkstand-frame.tar.gz');
  create({ file: tarball, sync: true, gzip: { level: 9 }, cwd: ROOT, portable: true, noDirRecurse: true, mtime: FIXED_MTIME }, files);
  const manifest = {
    version: frameVersion(),
    sha256: sha256(fs.readFileSync(tarball)),
    files: Object.fromEntries(files.map((file) => [file, sha256(fs.readFileSync(path.join(ROOT, file)))])),
  };
  fs.writeFileSync(path.join(outDir, 'panel-guide.md'), panelGuide());
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
