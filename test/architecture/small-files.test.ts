import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_FOLDERS = ['main', 'contract', 'preload', 'renderer', 'frame'];
const MAX_LINES = 300;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === '__pycache__' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs|py)$/.test(entry.name) ? [full] : [];
  });
}

describe('source files stay small', () => {
  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
      .map((file) => ({ file: path.relative(ROOT, file), lines: fs.readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long, 'split these into modules with one job each').toEqual([]);
  });
});
