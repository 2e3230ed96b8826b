import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarInputSchema } from '../../contract/calendar-schemas.ts';
import { caldavOfUrl, shownCalendarUrl } from '../../main/calendar/caldav-url.ts';
import { JobService } from '../../main/jobs/job-service.ts';
import { JOB_KINDS } from '../../main/jobs/registry.ts';
import { startRadicale, type Radicale } from '../helpers/radicale.ts';
import { captureOutput, createTestApp, runToEnd, type TestApp } from '../jobs/test-app.ts';
import { calendarsListCommand } from '../../main/cli/commands/calendar.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

/** Wednesday 2025-10-15, 10:00 in Berlin. */
const NOW = new Date('2025-10-15T08:00:00Z');

describe.each(testDatabases('CalDAV calendars'))('CalDAV calendars (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let radicale: Radicale;
  let testApp: TestApp;
  let service: JobService;

  const event = (uid: string, lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Nextcloud calendar v4//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20251001T080000Z', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  /** caldav://alice:correct%20horse%20battery@127.0.0.1:PORT/#NAME */
  const calendarUrl = (name: string, password = radicale.password) => `caldav://${radicale.username}:${encodeURIComponent(password)}@${new URL(radicale.url).host}/${name ? `#${encodeURIComponent(name)}` : ''}`;

  beforeAll(async () => {
    radicale = await startRadicale();
    const family = await radicale.makeCalendar('family', 'Family', ['VEVENT']);
    const work = await radicale.makeCalendar('work', 'Work shifts', ['VEVENT']);
    await radicale.makeCalendar('chores', 'Chores', ['VTODO']);
    await radicale.put(family, 'swim.ics', event('swim', ['DTSTART;TZID=Europe/Berlin:20251006T170000', 'DTEND;TZID=Europe/Berlin:20251006T180000', 'RRULE:FREQ=WEEKLY;COUNT=6', 'SUMMARY:Swimming']));
    await radicale.put(family, 'birthday.ics', event('birthday', ['DTSTART;VALUE=DATE:20251102', 'DTEND;VALUE=DATE:20251103', 'SUMMARY:Grandma\'s birthday']));
    await radicale.put(work, 'late.ics', event('late', ['DTSTART:20251017T120000Z', 'DTEND:20251017T200000Z', 'SUMMARY:Late shift']));
  }, 60_000);

  afterAll(() => radicale?.stop());

  beforeEach(async () => {
    testApp = await createTestApp({ databaseUrl: await freshDatabase(), now: () => NOW });
    service = new JobService(testApp.app, JOB_KINDS, { pollMs: 50 });
    await service.update('get_calendar', { timeZone: 'Europe/Berlin', params: { days_ahead: 28 } });
    await service.start();
  });

  afterEach(async () => {
    await service.stop();
    await testApp.close();
  });

  const stored = async () => (await testApp.app.calendars.occurrences()).map((o) => [o.summary, o.start.toISOString(), o.allDay]);

  describe('CalDAV calendars beside ICS feeds (Radicale)', () => {
    it('get_calendar stores the events of the named CalDAV calendar, expanded in the display zone, where the dashboard reads them', async () => {
      await testApp.app.calendars.add({ name: 'Family', url: calendarUrl('Family') }, NOW);
      const execution = await runToEnd(service, 'get_calendar');
      expect(execution).toMatchObject({ status: 'success', summary: '5 events in the next 28 days from 1 calendar(s)' });
      expect(await stored()).toEqual([
        ['Swimming', '2025-10-20T15:00:00.000Z', false],
        ['Swimming', '2025-10-27T16:00:00.000Z', false], // after the change to winter time, still 17:00 in Berlin
        ['Grandma\'s birthday', '2025-11-01T23:00:00.000Z', true],
        ['Swimming', '2025-11-03T16:00:00.000Z', false],
        ['Swimming', '2025-11-10T16:00:00.000Z', false],
      ]);
      expect((await testApp.app.calendars.get(1)).lastFetchedAt).not.toBeNull();
      const out = captureOutput();
      await calendarsListCommand(testApp.app, { json: true }, out);
      expect(JSON.parse(out.text())[0].url).toBe(`caldav://${radicale.username}:•••@${new URL(radicale.url).host}/#Family`);
    });

    it('reads every calendar of events on the server when the URL names none (not the task lists)', async () => {
      await testApp.app.calendars.add({ name: 'Everything', url: calendarUrl('') }, NOW);
      expect(await runToEnd(service, 'get_calendar')).toMatchObject({ status: 'success', summary: '6 events in the next 28 days from 1 calendar(s)' });
      expect((await stored()).map(([summary]) => summary)).toContain('Late shift');
    });

    it('keeps the events and says why when the password is refused or the calendar is not there', async () => {
      await testApp.app.calendars.add({ name: 'Family', url: calendarUrl('Family') }, NOW);
      await runToEnd(service, 'get_calendar');
      await testApp.app.calendars.add({ name: 'Wrong password', url: calendarUrl('Family', 'guess') }, NOW);
      await testApp.app.calendars.add({ name: 'Missing', url: calendarUrl('Holidays') }, NOW);
      const execution = await runToEnd(service, 'get_calendar');
      expect(execution.status).toBe('error');
      const [family, wrong, missing] = await testApp.app.calendars.list();
      expect(family.lastError).toBeNull();
      expect(wrong.lastError).toBe(`could not sign in to the CalDAV server at ${new URL(radicale.url).host}: the user name or password was refused — no events stored yet`);
      expect(missing.lastError).toBe('no calendar named "Holidays" on the server (it has "Family", "Work shifts") — no events stored yet');
      expect(await stored()).toHaveLength(5);
    });
  });

  describe('CalDAV calendar URLs', () => {
    it('stand for a server, a user, a password and a calendar; the UI shows them without the password', () => {
      expect(caldavOfUrl('caldavs://alice:app%20pass%2Fword@cloud.example.org/remote.php/dav#Family%20%26%20friends')).toEqual({
        server_url: 'https://cloud.example.org/remote.php/dav', username: 'alice', password: 'app pass/word', calendars: ['Family & friends'], max_items: 100,
      });
      expect(caldavOfUrl('https://example.org/family.ics')).toBeNull();
      expect(shownCalendarUrl('caldavs://alice:secret@cloud.example.org/dav#Family')).toBe('caldavs://alice:•••@cloud.example.org/dav#Family');
      expect(shownCalendarUrl('https://example.org/family.ics')).toBe('https://example.org/family.ics');
      expect(calendarInputSchema.safeParse({ name: 'x', url: 'caldavs://cloud.example.org/dav#Family' }).error?.issues[0].message).toMatch(/carries the user and password/);
      expect(calendarInputSchema.safeParse({ name: 'x', url: 'ftp://example.org/family.ics' }).success).toBe(false);
    });
  });
});
