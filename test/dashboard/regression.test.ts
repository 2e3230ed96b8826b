import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDashboard } from '../../main/dashboard/render.ts';
import { CANVASES, type CanvasName } from '../fixtures/dashboard/canvases.ts';
import { sampleData } from '../fixtures/dashboard/sample-data.ts';
import { snappedIndices } from './support/pixels.ts';

/**
 * The renders that were looked at and approved. After a deliberate change to the look, look at
 * the new renders and refresh them with: UPDATE_DASHBOARD_FIXTURES=1 npx vitest run test/dashboard/regression.test.ts
 */
const APPROVED: [CanvasName, string][] = [
  ['inkyLandscape', 'inky-7colour-800x480.png'],
  ['inkyPortrait', 'inky-7colour-480x800.png'],
  ['spectra6', 'spectra6-1600x1200.png'],
];

/** The engine is deterministic; this only absorbs edge pixels flipping between CPUs (a changed minute in the header is ~100 pixels). */
const MAX_DIFFERING_SHARE = 0.0001;

describe('the dashboard looks as approved', () => {
  it.each(APPROVED)('on %s', async (name, file) => {
    const canvas = CANVASES[name];
    const fixture = new URL(`../fixtures/dashboard/${file}`, import.meta.url);
    const actual = await renderDashboard(sampleData(), canvas);
    if (process.env.UPDATE_DASHBOARD_FIXTURES) {
      writeFileSync(fixture, actual);
      return;
    }
    expect(existsSync(fixture), `${file} is missing: render it with UPDATE_DASHBOARD_FIXTURES=1`).toBe(true);
    const [want, got] = [await snappedIndices(readFileSync(fixture), canvas), await snappedIndices(actual, canvas)];
    expect(got.length).toBe(want.length);
    let differing = 0;
    for (let i = 0; i < want.length; i++) if (want[i] !== got[i]) differing++;
    if (differing > want.length * MAX_DIFFERING_SHARE) {
      const saved = join(tmpdir(), `dashboard-actual-${file}`);
      writeFileSync(saved, actual);
      expect.fail(`${differing} of ${want.length} pixels differ from ${file} once snapped to the palette; this render is at ${saved}`);
    }
  });
});
