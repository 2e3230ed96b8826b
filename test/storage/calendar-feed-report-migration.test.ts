import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../main/storage/database.ts';
import { CalendarEntity } from '../../main/storage/entities/calendar.ts';
import { columnNames, undoThrough } from '../helpers/migrations.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('migration CalendarFeedReport1732400014000'))('migration CalendarFeedReport1732400014000 (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let db: DataSource;
  afterEach(() => db?.destroy());

  it('adds the skipped-events and notes columns to calendars that already exist, and takes them away again', async () => {
    db = await openDatabase(tempDataDir(), { databaseUrl: await freshDatabase() });
    await undoThrough(db, 'CalendarFeedReport1732400014000');
    expect(await columnNames(db, 'calendars')).not.toContain('last_skipped');
    await db.query("INSERT INTO calendars (name, url, color, enabled, created_at) VALUES ('Family', 'https://example.com/f.ics', '#1e88e5', TRUE, '2025-10-15 08:00:00')");

    await db.runMigrations({ transaction: 'each' });
    expect(await columnNames(db, 'calendars')).toEqual(expect.arrayContaining(['last_error', 'last_skipped', 'last_notes']));
    const calendars = db.getRepository(CalendarEntity);
    expect(await calendars.findOneByOrFail({ name: 'Family' })).toMatchObject({ lastSkipped: null, lastNotes: null });
    await calendars.update({ name: 'Family' }, { lastSkipped: ['"Yoga" (x) skipped: it has 2 DTSTART lines'], lastNotes: [] });
    expect(await calendars.findOneByOrFail({ name: 'Family' })).toMatchObject({ lastSkipped: ['"Yoga" (x) skipped: it has 2 DTSTART lines'], lastNotes: [] });

    await undoThrough(db, 'CalendarFeedReport1732400014000');
    expect(await columnNames(db, 'calendars')).not.toContain('last_notes');
    expect((await db.query("SELECT name FROM calendars"))[0].name).toBe('Family');
  });
});
