/**
 * What a frame shows, judged as a viewer sees it (helpers/seen-error.ts), over the quality image
 * set, for the 7-colour, Spectra 6 and black/white panels: the real frame (renderPanelImage, default
 * settings, from the source at the panel's size) is no further from the source than Pillow's
 * plain Floyd–Steinberg to the same palette, on every picture; and over the set it is neither
 * darker nor lighter: mean ΔL* within ±2. (A single picture can be darker: a high-key one on a
 * panel whose white is L* 94, or pure primaries on Spectra 6, which gives up some lightness to
 * keep colour.)
 *
 * Pillow's figures are measured once and kept (quality/pillow-reference.json, remade by
 * quality/make-pillow-reference.ts with python3 and PIL), so this test needs no Python; each
 * carries a hash of the source pixels, and a stale one fails here rather than compare unlike.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPanelImage } from '../../main/imaging/pipeline.ts';
import { findBuiltinProfile } from '../../main/imaging/profiles.ts';
import { loadCanvasRgb } from '../../main/imaging/source-image.ts';
import { PILLOW_REFERENCE, QUALITY_IMAGES, QUALITY_PROFILES } from './helpers/quality-set.ts';
import { seenError } from './helpers/seen-error.ts';

interface PillowFigures {
  deltaE: number;
  deltaL: number;
  sourceSha256: string;
}
const reference = JSON.parse(readFileSync(PILLOW_REFERENCE, 'utf8')) as Record<string, Record<string, PillowFigures>>;

for (const id of QUALITY_PROFILES) {
  describe(`seen error on ${id}`, () => {
    const profile = findBuiltinProfile(id)!;
    const lightness: number[] = [];

    for (const { name, path } of QUALITY_IMAGES) {
      it(`${name}: no worse than Pillow`, async () => {
        const pillow = reference[id][name];
        const source = await loadCanvasRgb(path, profile.width, profile.height);
        expect(createHash('sha256').update(source).digest('hex'), 'source pixels changed since Pillow was measured: remake pillow-reference.json').toBe(pillow.sourceSha256);
        const frame = await renderPanelImage(path, { profile, rotation: 0, settings: { dither: 'floyd-steinberg' } });
        const ours = seenError(source, frame.indices, profile.palette, profile.width, profile.height);
        lightness.push(ours.deltaL);
        expect(ours.deltaE, `ours ${ours.deltaE.toFixed(2)} (ΔL* ${ours.deltaL.toFixed(2)}), Pillow ${pillow.deltaE} (ΔL* ${pillow.deltaL})`).toBeLessThanOrEqual(pillow.deltaE);
      });
    }

    afterAll(() => {
      if (lightness.length < QUALITY_IMAGES.length) return;
      const mean = lightness.reduce((s, v) => s + v, 0) / lightness.length;
      expect(Math.abs(mean), `mean ΔL* ${mean.toFixed(2)} over the set`).toBeLessThanOrEqual(2);
    });
  });
}
