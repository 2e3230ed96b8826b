import fs from 'node:fs';
import path from 'node:path';

/** The corpus of real-world feed quirks: test/fixtures/calendar/corpus, described by its corpus.json. */
export const CORPUS = path.join(import.meta.dirname, '..', 'fixtures', 'calendar', 'corpus');

export interface Manifest {
  window: { from: string; to: string };
  fixtures: { file: string; zone: string; quirk: string }[];
}

export function readManifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(CORPUS, 'corpus.json'), 'utf8')) as Manifest;
}
