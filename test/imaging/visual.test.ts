/**
 * Visual regression: fixtures rendered for three palettes (at a small canvas of each panel's
 * shape, so the expected files stay small) must match the stored indices exactly. After a
 * deliberate change, regenerate with `UPDATE_IMAGING_FIXTURES=1 npx vitest run test/imaging/visual`
 * and look at the previews it writes to .tmp/imaging-previews before committing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeIndexedPng } from '../../main/imaging/encode/png.ts';
import { renderPanelImage, renderPreview } from '../../main/imaging/pipeline.ts';
import { findBuiltinProfile, type PanelProfile } from '../../main/imaging/profiles.ts';
import { readPng } from './helpers/png-reader.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/imaging/', import.meta.url));
const PREVIEWS = fileURLToPath(new URL('../../.tmp/imaging-previews/', import.meta.url));
const UPDATE = process.env.UPDATE_IMAGING_FIXTURES === '1';

const small = (id: string, width: number, height: number): PanelProfile => ({ ...findBuiltinProfile(id)!, width, height });
const PROFILES = [small('spectra6-13.3', 320, 240), small('inky-impression-7.3', 320, 192), small('waveshare-7.5-v2', 320, 192)];
const SOURCES = ['photo.jpg', 'gradient.png', 'dashboard.png'];
const ALGORITHMS = ['floyd-steinberg', 'bayer8'] as const;

describe('visual regression', () => {
  for (const source of SOURCES) {
    for (const profile of PROFILES) {
      for (const dither of ALGORITHMS) {
        const name = `${source.replace(/\.\w+$/, '')}-${profile.id}-${dither}`;
        it(name, async () => {
          const frame = await renderPanelImage(FIXTURES + source, { profile, rotation: 0, settings: { dither } });
          const expectedPath = `${FIXTURES}expected/${name}.png`;
          if (UPDATE) {
            await writeFile(expectedPath, encodeIndexedPng(frame.indices, frame.width, frame.height, profile.palette, profile.bitDepth));
            await mkdir(PREVIEWS, { recursive: true });
            await writeFile(`${PREVIEWS}${name}.png`, await renderPreview(frame, profile));
          }
          const expected = readPng(await readFile(expectedPath));
          expect([expected.width, expected.height]).toEqual([frame.width, frame.height]);
          const differing = frame.indices.reduce((n, k, i) => n + (k === expected.samples[i] ? 0 : 1), 0);
          expect(differing, `${differing} pixels differ from ${expectedPath}`).toBe(0);
        });
      }
    }
  }
});
