import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, readManifest } from './corpus-manifest.ts';

/**
 * Inkstand's reading of each corpus feed against the occurrences an independent expander
 * (python3-recurring-ical-events) produced for it: expected/*.json, written by
 * generate-expected.py beside the fixtures. Compared by summary, start and end instant and the
 * all-day flag, with the expansion run in child processes whose own zone differs, because the
 * machine's zone must never change what a feed means.
 */

interface Occurrence { summary: string; start: string; end: string; allDay: boolean }
interface Result { occurrences: Occurrence[]; skipped: string[]; notes: string[] }
interface Expected { occurrences: Occurrence[]; skipped: string[] }

const manifest = readManifest();
const PROCESS_ZONES = ['Europe/Berlin', 'America/New_York'];
const runs = new Map<string, Record<string, Result>>();

beforeAll(async () => {
  const script = path.join(import.meta.dirname, 'expand-corpus.ts');
  await Promise.all(PROCESS_ZONES.map(async (zone) => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ: zone }, maxBuffer: 20_000_000 });
    const output = JSON.parse(stdout) as { processZone: string; results: Record<string, Result> };
    expect(output.processZone).toBe(zone);
    runs.set(zone, output.results);
  }));
}, 120_000);

function expected(file: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(CORPUS, 'expected', file.replace(/\.ics$/, '.json')), 'utf8')) as Expected;
}

const key = (o: Occurrence) => `${o.start} → ${o.end}${o.allDay ? ' all-day' : ''} ${o.summary}`;

describe.each(PROCESS_ZONES)('the corpus read with the process in %s', (processZone) => {
  it.each(manifest.fixtures.map((f) => [f.file, f.quirk]))('%s (%s) matches the independent expander', (file) => {
    const result = runs.get(processZone)![file];
    const reference = expected(file);
    expect(result.occurrences.map(key).sort()).toEqual(reference.occurrences.map(key).sort());
    // Every event the reference could not read is skipped, named; nothing else is.
    expect(result.skipped).toHaveLength(reference.skipped.length);
    for (const problem of reference.skipped) {
      const named = problem.slice(0, problem.indexOf(': '));
      expect(result.skipped.some((message) => message.includes(named)), `${named} is named in ${JSON.stringify(result.skipped)}`).toBe(true);
    }
  });
});

it('covers every feed in the corpus folder, and each has expected occurrences', () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.ics')).sort();
  expect(manifest.fixtures.map((f) => f.file).sort()).toEqual(files);
  for (const file of files) expect(expected(file).occurrences.length, file).toBeGreaterThan(0);
});
