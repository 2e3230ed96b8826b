import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SelectionIndex } from '../main/library/selection-index.ts';
import { VariantSelector } from '../main/library/selection.ts';
import { PhotoEntity, QUALITY_BUCKETS, VariantEntity } from '../main/storage/entities/photo.ts';
import { createDisplay, createTestApp, type TestApp } from '../test/library/test-app.ts';
import { seededRandom } from '../test/library/seed-library.ts';
import type { Report } from './report.ts';

const SIZES = (process.env.SELECTION_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
const DRAWS = 200;
const VARIANTS_PER_PHOTO = 4;
const STYLES = ['photo', 'ink-sketch', 'woodcut', 'pop-art', 'halftone', 'duotone', 'watercolour'];

/**
 * pickNext (history query, weighted draw, file check) at 1k/10k/100k/1M variants (SELECTION_SIZES
 * picks others), the weighted draw alone (with a display's 20 recent shows excluded), and the
 * index rebuild. Target: < 0.5 ms per draw at 100k and 1M.
 */
export async function runSelectionBench(report: Report): Promise<void> {
  for (const size of SIZES) {
    const t = await createTestApp();
    try {
      await seedLibrary(t, size);
      const display = await createDisplay(t.app);
      const selector = new VariantSelector(t.app);
      const now = new Date();
      const buildStart = performance.now();
      await selector.pickNext(display, now);
      report(`selection: index build, ${size} variants`, performance.now() - buildStart, 'ms');
      const rng = seededRandom(size);
      const times: number[] = [];
      for (let i = 0; i < DRAWS; i++) {
        const start = performance.now();
        const pick = await selector.pickNext(display, now, rng);
        times.push(performance.now() - start);
        await t.app.shows.record(display, pick!.variantId, now);
      }
      report(`selection: pickNext median, ${size} variants`, median(times), 'ms');
      const index = await SelectionIndex.build(t.app, now.getTime());
      const excluded = Array.from({ length: 20 }, (_, i) => 1 + Math.floor((i * size) / 20));
      const drawTimes: number[] = [];
      for (let i = 0; i < DRAWS * 5; i++) {
        const start = performance.now();
        index.draw(rng, excluded);
        drawTimes.push(performance.now() - start);
      }
      report(`selection: weighted draw alone median, ${size} variants`, median(drawTimes) * 1000, 'µs');
      selector.close();
    } finally {
      await t.close();
    }
  }
}

/** Bulk rows straight into the database; every variant points at one real file. */
async function seedLibrary(t: TestApp, variants: number): Promise<void> {
  const file = path.join('photos', 'variants', 'bench.png');
  fs.mkdirSync(path.join(t.dataDir, 'photos', 'variants'), { recursive: true });
  fs.writeFileSync(path.join(t.dataDir, file), 'x');
  const rng = seededRandom(1);
  const now = Date.now();
  const photos = Math.ceil(variants / VARIANTS_PER_PHOTO);
  await t.app.db.transaction(async (manager) => {
    for (let start = 0; start < photos; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(start + 500, photos); i++) {
        rows.push({
          contentHash: String(i).padStart(64, '0'), originalName: `p${i}.jpg`, originalPath: file, thumbPath: file, width: 4000, height: 3000,
          format: 'jpeg', importedAt: new Date(now - rng() * 90 * 86_400_000), favourite: rng() < 0.05, hidden: false, dislikes: 0,
          quality: QUALITY_BUCKETS[Math.floor(rng() * QUALITY_BUCKETS.length)], contentType: 'Landscape' as const,
        });
      }
      await manager.getRepository(PhotoEntity).insert(rows);
    }
    for (let start = 0; start < variants; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(start + 500, variants); i++) {
        rows.push({
          photoId: Math.floor(i / VARIANTS_PER_PHOTO) + 1, style: STYLES[i % STYLES.length], filePath: file, contentHash: String(i),
          provider: 'bench', createdAt: new Date(now - rng() * 90 * 86_400_000), favourite: false, dislikes: rng() < 0.02 ? 1 : 0,
        });
      }
      await manager.getRepository(VariantEntity).insert(rows);
    }
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSelectionBench((name, value, unit) => console.log(`${name.padEnd(50)} ${value.toFixed(2).padStart(10)} ${unit}`));
}
