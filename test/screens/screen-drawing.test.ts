import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppEvents } from '../../main/core/events.ts';
import type { ScreenMarkup } from '../../main/screens/markup-port.ts';
import { RecipeAdapter } from '../../main/screens/recipe-adapter.ts';
import type { ScreensFeature } from '../../main/screens/screens-feature.ts';
import { screensOver } from '../helpers/screens.ts';
import { writeZip } from '../../main/recipes/zip-archive.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

/** Pages are checked as HTML here; drawing them is the markup drawing's (test/markup/). */
const htmlOnly: ScreenMarkup = {
  draw: async (html) => Buffer.from(html),
  drawnBy: () => ({ engine: 'server', reason: 'drawn by Inkstand' }),
};
const request = { target: { profile: { width: 800, height: 480 } as never, rotation: 0 as const }, at: new Date('2025-03-14T08:30:00Z'), timeZone: 'UTC' };

describe.each(testDatabases('screens drawn with Liquid that fails at render time'))('screens drawn with Liquid that fails at render time (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let db: DataSource;
  let screens: ScreensFeature;

  beforeEach(async () => {
    const dataDir = tempDataDir();
    db = await openDatabase(dataDir, { databaseUrl: await freshDatabase() });
    screens = screensOver(db, { dataDir, events: new AppEvents(), log: pino({ level: 'silent' }), now: () => request.at, recipes: new RecipeAdapter(), markup: htmlOnly });
  });
  afterEach(() => db.destroy());

  it('shows "Liquid error: …" in place of the failing part, the rest of the page, and the error on the screen\'s entry', async () => {
    const zip = writeZip(new Map([
      ['settings.yml', 'name: Averages\nstrategy: webhook\n'],
      ['full.liquid', '<div class="layout"><span class="title">{{ title }}</span>\n<span class="value">{{ total | divided_by: count }}</span></div>'],
    ]));
    const screen = await screens.library.importRecipe(zip);
    await screens.data.push(screen.uuid, Buffer.from('{"merge_variables": {"title": "Rain this week", "total": 12, "count": 0}}'));
    const { html } = await screens.drawing.page({ kind: 'screen', id: screen.id }, request);
    expect(html).toContain('<span class="title">Rain this week</span>');
    expect(html).toContain('<span class="value">Liquid error: divided by 0</span>');
    expect((await screens.store.get(screen.id)).lastError).toBe('Liquid error in full.liquid line 2: divided by 0');

    // New data that renders cleanly clears it (saving data clears the entry's error).
    await screens.data.push(screen.uuid, Buffer.from('{"merge_variables": {"title": "Rain this week", "total": 12, "count": 4}}'));
    expect((await screens.drawing.page({ kind: 'screen', id: screen.id }, request)).html).toContain('<span class="value">3</span>');
    expect((await screens.store.get(screen.id)).lastError).toBeNull();
  });
});
