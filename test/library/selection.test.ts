import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppEvents } from '../../main/core/events.ts';
import { deletePhoto, setPhotoHidden } from '../../main/library/photo-actions.ts';
import { VariantSelector, dislike, markFavourite, variantFileIfAvailable } from '../../main/library/selection.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { VariantEntity } from '../../main/storage/entities/photo.ts';
import { seedVariants, seededRandom } from './seed-library.ts';
import { createDisplay, createTestApp, type TestApp } from './test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

const NOW = new Date('2024-12-01T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe.each(testDatabases('variant selection'))('variant selection (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let t: TestApp;
  let selector: VariantSelector;
  let display: number;
  beforeEach(async () => {
    t = await createTestApp({ databaseUrl: await freshDatabase(), now: () => NOW });
    selector = new VariantSelector(t.app);
    display = await createDisplay(t.app);
  });
  afterEach(async () => {
    selector.close();
    await t.close();
  });

  async function drawCounts(ids: number[], draws: number, seed: number): Promise<Map<number, number>> {
    const rng = seededRandom(seed);
    const counts = new Map(ids.map((id) => [id, 0]));
    for (let i = 0; i < draws; i++) {
      const pick = await selector.pickNext(display, NOW, rng);
      counts.set(pick!.variantId, counts.get(pick!.variantId)! + 1);
    }
    return counts;
  }

  describe('VariantSelector.pickNext', () => {
    // SQLite only: the weighted draw is in memory, and 10,000 picks are some 30,000 round trips to PostgreSQL.
    it.skipIf(database === 'postgres')('draws each variant in proportion to its score (10,000 draws, chi-square and per-item binomial bounds)', async () => {
      const ids = await seedVariants(t.app, [
        { quality: 'VERY_GOOD' }, { quality: 'GOOD' }, { quality: 'PASSABLE' }, { quality: 'BAD' },
        { quality: 'GOOD', favourite: true }, { quality: 'GOOD', dislikes: 2 }, { quality: null, contentType: 'Object' },
        { quality: 'GOOD', createdAt: daysAgo(60) }, { quality: 'GOOD', style: 'woodcut' },
      ]);
      const scores = await Promise.all(ids.map((id) => selector.scoreOf(id, NOW)));
      const total = scores.reduce((a, b) => a! + b!, 0)!;
      const draws = 10_000;
      const counts = await drawCounts(ids, draws, 42);

      let chiSquare = 0;
      ids.forEach((id, i) => {
        const p = scores[i]! / total;
        const expected = draws * p;
        const observed = counts.get(id)!;
        chiSquare += (observed - expected) ** 2 / expected;
        expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt(draws * p * (1 - p)));
      });
      // 8 degrees of freedom: P(χ² > 26.12) = 0.001.
      expect(chiSquare).toBeLessThan(26.12);
    });

    it('draws the variants outside the history window in proportion to their scores (chi-square)', async () => {
      const ids = await seedVariants(t.app, [
        { quality: 'VERY_GOOD' }, { quality: 'GOOD' }, { quality: 'PASSABLE' }, { quality: 'BAD' },
        { quality: 'GOOD', favourite: true }, { quality: 'GOOD', dislikes: 2 }, { quality: null, contentType: 'Object' },
        { quality: 'GOOD', createdAt: daysAgo(60) }, { quality: 'GOOD', style: 'woodcut' },
      ]);
      // The window is min(20, 9 / 2) = 4 shows: these four are not drawn while the others remain.
      const recent = [ids[0], ids[4], ids[6], ids[8]];
      for (const id of recent) await t.app.shows.record(display, id, NOW);
      const rest = ids.filter((id) => !recent.includes(id));
      const scores = await Promise.all(rest.map((id) => selector.scoreOf(id, NOW)));
      const total = scores.reduce((a, b) => a! + b!, 0)!;
      const draws = 5_000;
      const counts = await drawCounts(ids, draws, 11);
      for (const id of recent) expect(counts.get(id)).toBe(0);
      let chiSquare = 0;
      rest.forEach((id, i) => {
        const expected = (draws * scores[i]!) / total;
        chiSquare += (counts.get(id)! - expected) ** 2 / expected;
      });
      // 4 degrees of freedom: P(χ² > 18.47) = 0.001.
      expect(chiSquare).toBeLessThan(18.47);
    });

    it('shows favourites more often and disliked variants less', async () => {
      const [plain, favourite, disliked] = await seedVariants(t.app, [{}, {}, {}]);
      await markFavourite(t.app, favourite, true);
      await dislike(t.app, disliked);
      const counts = await drawCounts([plain, favourite, disliked], 3_000, 7);
      expect(counts.get(favourite)!).toBeGreaterThan(counts.get(plain)! * 1.2);
      expect(counts.get(disliked)!).toBeLessThan(counts.get(plain)! * 0.7);
    });

    it('does not repeat a variant within the display history window while others remain', async () => {
      const ids = await seedVariants(t.app, Array.from({ length: 30 }, (_, i) => ({ quality: i % 3 === 0 ? 'VERY_GOOD' as const : 'BAD' as const })));
      const rng = seededRandom(3);
      const shown: number[] = [];
      for (let i = 0; i < 300; i++) {
        const pick = await selector.pickNext(display, NOW, rng);
        expect(shown.slice(-15)).not.toContain(pick!.variantId); // window = min(20, 30 / 2)
        shown.push(pick!.variantId);
        await t.app.shows.record(display, pick!.variantId, NOW);
      }
      expect(new Set(shown).size).toBe(ids.length);
    });

    it('keeps the history per display', async () => {
      const [a, b] = await seedVariants(t.app, [{}, {}]);
      const other = await createDisplay(t.app, 'other');
      await t.app.shows.record(display, a, NOW);
      for (let i = 0; i < 20; i++) expect((await selector.pickNext(display, NOW))!.variantId).toBe(b);
      const otherPicks = new Set<number>();
      for (let i = 0; i < 40; i++) otherPicks.add((await selector.pickNext(other, NOW))!.variantId);
      expect(otherPicks).toEqual(new Set([a, b]));
    });

    it('repeats once the candidates run out, and returns null for an empty library', async () => {
      expect(await selector.pickNext(display, NOW)).toBeNull();
      const [only] = await seedVariants(t.app, [{}]);
      await t.app.shows.record(display, only, NOW);
      expect((await selector.pickNext(display, NOW))!.variantId).toBe(only);
    });

    it('never draws a variant whose file is missing, whose photo is hidden or deleted, or whose style is switched off', async () => {
      const [ok, missing, hidden, deleted, styled] = await seedVariants(t.app, [{}, { noFile: true }, {}, {}, { style: 'duotone' }]);
      const photoOf = async (id: number) => (await t.app.db.getRepository(VariantEntity).findOneByOrFail({ id })).photoId;
      await setPhotoHidden(t.app, await photoOf(hidden), true);
      await t.app.artStyles.set('duotone', { enabled: false });
      await selector.pickNext(display, NOW);
      await deletePhoto(t.app, await photoOf(deleted));
      for (let i = 0; i < 50; i++) expect((await selector.pickNext(display, NOW, seededRandom(i)))!.variantId).toBe(ok);
      expect(await variantFileIfAvailable(t.app, missing)).toBeNull();
      expect(await variantFileIfAvailable(t.app, hidden)).toBeNull();
      expect(await variantFileIfAvailable(t.app, deleted)).toBeNull();
      expect(await variantFileIfAvailable(t.app, styled)).not.toBeNull();
      expect(t.appLogs.some((l) => l.msg === 'variant file is missing; it will not be shown')).toBe(true);
    });

    it('returns the absolute path of the drawn variant', async () => {
      const [id] = await seedVariants(t.app, [{}]);
      const pick = await selector.pickNext(display, NOW);
      expect(pick!.variantId).toBe(id);
      expect(path.isAbsolute(pick!.filePath)).toBe(true);
      expect(fs.existsSync(pick!.filePath)).toBe(true);
    });
  });

  describe('VariantSelector.previous', () => {
    it('steps back through the history, whether or not the server records the previous picture', async () => {
      const [a, b, c] = await seedVariants(t.app, [{}, {}, {}]);
      for (const id of [a, b, c]) await t.app.shows.record(display, id, NOW);
      expect((await selector.previous(display))!.variantId).toBe(b);
      expect((await selector.previous(display))!.variantId).toBe(a);
      expect(await selector.previous(display)).toBeNull();

      const other = await createDisplay(t.app, 'other');
      for (const id of [a, b, c]) await t.app.shows.record(other, id, NOW);
      const back1 = (await selector.previous(other))!.variantId;
      await t.app.shows.record(other, back1, NOW);
      const back2 = (await selector.previous(other))!.variantId;
      expect([back1, back2]).toEqual([b, a]);
    });

    it('is null without history', async () => {
      await seedVariants(t.app, [{}]);
      expect(await selector.previous(display)).toBeNull();
    });
  });

  describe('VariantSelector across processes', () => {
    it('sees photos another process (a CLI command) added, without an event', async () => {
      const [first] = await seedVariants(t.app, [{}]);
      expect((await selector.pickNext(display, NOW))!.variantId).toBe(first);
      const cli = await openDatabase(t.dataDir);
      try {
        const cliApp = { ...t.app, db: cli, events: new AppEvents() };
        const [second] = await seedVariants(cliApp, [{}]);
        await t.app.shows.record(display, first, NOW);
        expect((await selector.pickNext(display, NOW))!.variantId).toBe(second);
      } finally {
        await cli.destroy();
      }
    });
  });
});
