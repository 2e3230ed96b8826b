/**
 * Expands every feed of the corpus (test/fixtures/calendar/corpus) with Inkstand's reader and prints
 * the result as JSON. Run in a child process by corpus.test.ts, once per process time zone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expandIcs } from '../../main/calendar/expand.ts';
import { startOfLocalDay } from '../../main/calendar/zoned-time.ts';
import { CORPUS, readManifest } from './corpus-manifest.ts';

const manifest = readManifest();
const results = Object.fromEntries(manifest.fixtures.map((fixture) => {
  const window = { from: startOfLocalDay(manifest.window.from, fixture.zone), to: startOfLocalDay(manifest.window.to, fixture.zone) };
  const { occurrences, skipped, notes } = expandIcs(fs.readFileSync(path.join(CORPUS, fixture.file), 'utf8'), window, fixture.zone);
  return [fixture.file, {
    occurrences: occurrences.map((o) => ({ summary: o.summary, start: o.start.toISOString(), end: o.end.toISOString(), allDay: o.allDay })),
    skipped,
    notes,
  }];
}));
process.stdout.write(JSON.stringify({ processZone: Intl.DateTimeFormat().resolvedOptions().timeZone, results }));
