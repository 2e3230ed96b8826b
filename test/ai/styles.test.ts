import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listArtStyles, listStyles, loadCatalogue, styleScores } from '../../main/ai/styles.ts';
import { ValidationError } from '../../main/core/errors.ts';
import { BUILTIN_FILTERS } from '../../main/ai/variants/filters/index.ts';
import { createTestApp, type TestApp } from '../library/test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('the art-style catalogue'))('the art-style catalogue (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ databaseUrl: await freshDatabase() });
  });
  afterEach(async () => t.close());

  describe('art-style catalogue', () => {
    it('has at least 12 styles, each complete; every built-in filter is used by a style and every named filter exists', () => {
      const styles = loadCatalogue();
      expect(styles.length).toBeGreaterThanOrEqual(12);
      expect(new Set(styles.map((s) => s.name)).size).toBe(styles.length);
      for (const s of styles) {
        expect(s.prompt.length).toBeGreaterThan(40);
        expect(s.paletteHint).not.toBe('');
        expect(s.contentTypes).toContain('Other');
        if (s.builtinFilter) expect(Object.keys(BUILTIN_FILTERS)).toContain(s.builtinFilter);
      }
      expect(new Set(styles.map((s) => s.builtinFilter).filter(Boolean))).toEqual(new Set(Object.keys(BUILTIN_FILTERS)));
    });

    it('applies user overrides: switched off, rescored, back to the catalogue score; "photo" is a style too', async () => {
      let changes = 0;
      t.app.events.on('photos-changed', () => changes++);
      await t.app.artStyles.set('woodcut', { enabled: false });
      await t.app.artStyles.set('halftone', { score: 0.2 });
      await t.app.artStyles.set('photo', { score: 1 });
      const styles = await listStyles(t.app);
      expect(styles[0]).toMatchObject({ name: 'photo', enabled: true, score: 1 });
      expect(styles.find((s) => s.name === 'woodcut')).toMatchObject({ enabled: false, score: 0.7 });
      expect(styles.find((s) => s.name === 'halftone')).toMatchObject({ enabled: true, score: 0.2, catalogueScore: 0.65 });
      expect((await listArtStyles(t.app)).some((s) => s.name === 'photo')).toBe(false);
      const score = await styleScores(t.app);
      expect([score('woodcut'), score('halftone'), score('photo'), score('retired-style')]).toEqual([0, 0.2, 1, 0.5]);
      await t.app.artStyles.set('halftone', { score: null });
      expect((await listStyles(t.app)).find((s) => s.name === 'halftone')!.score).toBe(0.65);
      expect(changes).toBe(4);
    });

    it('refuses unknown styles and scores outside 0..1 as the caller\'s mistake, and stores nothing then', async () => {
      let changes = 0;
      t.app.events.on('photos-changed', () => changes++);
      await expect(t.app.artStyles.set('cubism', { enabled: false })).rejects.toThrow('unknown art style "cubism"');
      await expect(t.app.artStyles.set('woodcut', { score: 1.5 })).rejects.toThrow('a style score is between 0 and 1');
      await expect(t.app.artStyles.set('woodcut', { score: 'lots' })).rejects.toBeInstanceOf(ValidationError);
      await expect(t.app.artStyles.set('woodcut', { enabled: 'maybe' })).rejects.toBeInstanceOf(ValidationError);
      expect(await t.app.artStyles.overrides()).toEqual(new Map());
      expect(changes).toBe(0);
    });

    it('takes the HTTP query\'s text values', async () => {
      await t.app.artStyles.set('woodcut', { enabled: 'false', score: '0.3' });
      expect((await listStyles(t.app)).find((s) => s.name === 'woodcut')).toMatchObject({ enabled: false, score: 0.3 });
    });
  });
});
