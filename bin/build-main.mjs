#!/usr/bin/env node
// Bundles the main process (CLI and server, the Electron main process, the image worker, the process
// that makes the first certificate) into dist/main/ with esbuild, so every way of running the app
// runs plain JavaScript: no TypeScript compiler at run time (faster start, ~40 MB less memory).
// Called through bin/build-outputs.mjs.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Anywhere below the checkout works: the code finds package.json above it.
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist/main';

// Pure-JavaScript dependencies are bundled and minified: V8 keeps the source text of every loaded
// module on its heap for as long as the process runs, and minified it is much smaller (with
// TypeORM's unused drivers left out, a new idle server's V8 heap was 36 MB instead of 44;
// Benchmarks, issue 22). These stay in node_modules:
// native addons, packages that read their own files or start workers by path at run time, iconv-lite,
// which loads each character table only when it is first used, multer (its own copy of the MIME
// table is JSON, which Node parses without keeping the text), and pg, which TypeORM loads by name at
// run time (one copy, loaded only with a database URL).
const EXTERNAL_PACKAGES = new Set(['better-sqlite3', 'koffi', 'sharp', '@takumi-rs/core', 'electron', 'playwright-core', 'pino', 'iconv-lite', 'multer', 'pg']);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = [...Object.keys(manifest.dependencies).filter((name) => EXTERNAL_PACKAGES.has(name)), ...Object.keys(manifest.devDependencies)]
  .flatMap((name) => [name, `${name}/*`]);

// TypeORM requires every database driver it knows when it loads; we use two (better-sqlite3, postgres).
const UNUSED_TYPEORM_DRIVER = /[\\/]typeorm[\\/]driver[\\/](aurora-mysql|aurora-postgres|capacitor|cockroachdb|cordova|expo|mongodb|mysql|nativescript|oracle|react-native|sap|spanner|sqljs|sqlserver)[\\/]/;
const leaveOutUnusedTypeormDrivers = {
  name: 'leave-out-unused-typeorm-drivers',
  setup(builder) {
    builder.onLoad({ filter: UNUSED_TYPEORM_DRIVER }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

const { outputFiles } = await build({
  absWorkingDir: root,
  entryPoints: {
    inkstand: 'main/cli/index.ts',
    desktop: 'main/desktop/main.ts',
    worker: 'main/imaging/worker-main.ts',
    'certificate-process': 'main/tls/certificate-process-main.ts',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true, // keeps lazily imported modules (the ICS parser, the certificate generator) lazy
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  plugins: [leaveOutUnusedTypeormDrivers],
  // Whitespace and syntax only: renamed identifiers would need esbuild's keepNames (libraries read
  // function and class names), whose wrappers cost the server 10–20% more CPU per request.
  minifyWhitespace: true,
  minifySyntax: true,
  // Bundled CommonJS packages that call require() (TypeORM loads its database client so) need one in an ES module.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
  write: false,
});

// V8 keeps a script's source in one byte per character only while every character fits in Latin-1:
// one dash in a regular expression (esbuild leaves those as written) doubled the main chunk's 2 MB.
// Escaped, each stays one byte per character (a \u escape means the same in strings, templates and
// regular expressions).
const beyondLatin1 = /[\u0100-\uffff]/g;
const escaped = (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
for (const file of outputFiles) {
  fs.mkdirSync(path.dirname(file.path), { recursive: true });
  fs.writeFileSync(file.path, file.path.endsWith('.mjs') ? file.text.replace(beyondLatin1, escaped) : file.contents);
}
