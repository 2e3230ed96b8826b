import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobService } from '../../main/jobs/job-service.ts';
import { JOB_KINDS } from '../../main/jobs/registry.ts';
import { CalendarEntity, OccurrenceEntity } from '../../main/storage/entities/calendar.ts';
import { startFakeIcsServer, type FakeIcsServer } from '../fakes/ics-server.ts';
import { createTestApp, runToEnd, type TestApp } from '../jobs/test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

/** Wednesday 2025-10-15, 10:00 in Berlin; with days_ahead 28 the window is [2025-10-15 00:00 CEST, 2025-11-12 00:00 CET). */
const NOW = new Date('2025-10-15T08:00:00Z');

type Row = [start: string, end: string, allDay: boolean, summary: string, recurrenceId: string | null];

/** What the Family calendar keeps showing when a later download is refused. */
const KEPT = 'kept the events from 2025-10-15 10:00';

/** family.ics, expanded: the DST change (2025-10-26) moves the Berlin events by an hour in UTC. */
const FAMILY: Row[] = [
  ['2025-10-18T05:00:00.000Z', '2025-10-18T05:15:00.000Z', false, 'Put out the bins', '2025-10-18T05:00:00.000Z'],
  ['2025-10-23T16:30:00.000Z', '2025-10-23T18:00:00.000Z', false, "Parents' evening", null], // floating 18:30 read in Berlin
  ['2025-10-23T22:00:00.000Z', '2025-10-27T23:00:00.000Z', true, 'Autumn holiday at the lake', null], // Fri–Mon, across the change
  ['2025-10-25T05:00:00.000Z', '2025-10-25T05:15:00.000Z', false, 'Put out the bins', '2025-10-25T05:00:00.000Z'],
  // Team sync on 2025-10-20 is cancelled (STATUS:CANCELLED instance); 2025-11-10 is an EXDATE.
  ['2025-10-27T08:30:00.000Z', '2025-10-27T09:00:00.000Z', false, 'Team sync', '2025-10-27T08:30:00.000Z'],
  ['2025-10-30T13:00:00.000Z', '2025-10-30T14:00:00.000Z', false, 'Call with the New York office', null], // 09:00 EDT, still summer time there
  ['2025-11-01T06:00:00.000Z', '2025-11-01T06:15:00.000Z', false, 'Put out the bins', '2025-11-01T06:00:00.000Z'],
  ['2025-11-01T23:00:00.000Z', '2025-11-02T23:00:00.000Z', true, "Grandma's birthday", '2025-11-02'],
  ['2025-11-04T14:00:00.000Z', '2025-11-04T14:30:00.000Z', false, 'Team sync (moved to Tuesday)', '2025-11-03T08:30:00.000Z'],
  ['2025-11-05T08:00:00.000Z', '2025-11-07T16:00:00.000Z', false, 'Conference in Leipzig', null],
  ['2025-11-08T06:00:00.000Z', '2025-11-08T06:15:00.000Z', false, 'Put out the bins', '2025-11-08T06:00:00.000Z'],
];

const SCHOOL: Row[] = [
  ['2025-10-30T23:00:00.000Z', '2025-10-31T23:00:00.000Z', true, 'Sports day', null],
  ['2025-11-03T07:00:00.000Z', '2025-11-03T07:30:00.000Z', false, 'Assembly: new term', null],
];

/** school-updated.ics: the assembly moved by half an hour. */
const SCHOOL_UPDATED: Row[] = [SCHOOL[0], ['2025-11-03T07:30:00.000Z', '2025-11-03T08:00:00.000Z', false, 'Assembly: new term', null]];

describe.each(testDatabases('the get_calendar job'))('the get_calendar job (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let ics: FakeIcsServer;
  let testApp: TestApp;
  let service: JobService;

  beforeEach(async () => {
    ics = await startFakeIcsServer();
    ics.serveFixture('/family.ics', 'family.ics');
    ics.serveFixture('/school.ics', 'school.ics');
    testApp = await createTestApp({ databaseUrl: await freshDatabase(), now: () => NOW });
    await testApp.app.calendars.add({ name: 'Family', url: `${ics.url}/family.ics`, color: '#e53935' }, NOW);
    await testApp.app.calendars.add({ name: 'School', url: `${ics.url}/school.ics` }, NOW);
    service = new JobService(testApp.app, JOB_KINDS, { pollMs: 50 });
    await service.update('get_calendar', { timeZone: 'Europe/Berlin', params: { days_ahead: 28 } });
    await service.start();
  });

  afterEach(async () => {
    await service.stop();
    await testApp.close();
    await ics.close();
  });

  async function rowsOf(calendarName: string): Promise<Row[]> {
    const { db } = testApp.app;
    const calendar = await db.getRepository(CalendarEntity).findOneByOrFail({ name: calendarName });
    const rows = await db.getRepository(OccurrenceEntity).find({ where: { calendarId: calendar.id }, order: { startAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => [r.startAt.toISOString(), r.endAt.toISOString(), Boolean(r.allDay), r.summary, r.recurrenceId]);
  }

  // The host's own zone must not matter: all-day dates and floating times are read in the job's zone.
  describe.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo'])('get_calendar with the process in %s', (processZone) => {
    const original = process.env.TZ;
    beforeAll(() => { process.env.TZ = processZone; });
    afterAll(() => { process.env.TZ = original; });

    it('stores exactly the expected occurrences', async () => {
      const changes: string[] = [];
      testApp.app.events.on('content-changed', (e) => changes.push(e.kind));
      const execution = await runToEnd(service, 'get_calendar');
      expect(execution).toMatchObject({ status: 'success', summary: '13 events in the next 28 days from 2 calendar(s)', progress: { done: 2, total: 2 } });
      expect(await rowsOf('Family')).toEqual(FAMILY);
      expect(await rowsOf('School')).toEqual(SCHOOL);
      expect(changes, 'each calendar stored is announced').toEqual(['calendar', 'calendar']);
    });
  });

  describe('get_calendar updates', () => {
    it('removes events that disappeared from the source on the next run', async () => {
      await runToEnd(service, 'get_calendar');
      ics.serveFixture('/family.ics', 'family-updated.ics');
      expect((await runToEnd(service, 'get_calendar')).status).toBe('success');
      expect(await rowsOf('Family')).toEqual(FAMILY.filter(([, , , summary]) => summary !== 'Call with the New York office' && summary !== 'Conference in Leipzig'));
    });

    // A feed that turns bad after a good fetch: the good fetch's events stay, and the calendar says why.
    it.each([
      ['is cut off mid-download', (server: FakeIcsServer) => server.serveFixture('/family.ics', 'broken/truncated.ics'), 'the feed ended before END:VCALENDAR (the download was cut off inside a VEVENT)'],
      ['ends with END:VCALENDARD (Exchange)', (server: FakeIcsServer) => server.serveFixture('/family.ics', 'broken/exchange-end-vcalendard.ics'), 'the feed ends with "END:VCALENDARD" instead of END:VCALENDAR (line 119), so it may not be complete'],
      ['answers a login page with 200', (server: FakeIcsServer) => server.serveFixture('/family.ics', 'broken/google-login-page.html', 'text/html; charset=utf-8'), 'the address answered with a web page, not a calendar (often a login page, or a private link that was reset)'],
      ['answers 404', (server: FakeIcsServer) => server.answer('/family.ics', 404, '<h1>Not Found</h1>'), /^127\.0\.0\.1:\d+ answered HTTP 404: the feed is not there \(the calendar may have been deleted or its private link reset\)$/],
      ['answers 500', (server: FakeIcsServer) => server.answer('/family.ics', 500, '<h1>Internal Server Error</h1>'), /^127\.0\.0\.1:\d+ answered HTTP 500$/],
      ['has no event that can be read', (server: FakeIcsServer) => server.answer('/family.ics', 200, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Broken\r\nDTSTART:2025-10-20\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', 'text/calendar'), 'none of its 1 events could be read ("Broken" (x) skipped: DTSTART "2025-10-20" is not an iCalendar date or date-time)'],
    ])('when a feed that was read before %s: its events stay, the calendar says why, the other calendar updates', async (_case, breakIt, problem) => {
      await runToEnd(service, 'get_calendar');
      breakIt(ics);
      ics.serveFixture('/school.ics', 'school-updated.ics');
      const execution = await runToEnd(service, 'get_calendar');
      expect(execution.status).toBe('error');
      expect(await rowsOf('Family')).toEqual(FAMILY);
      expect(await rowsOf('School')).toEqual(SCHOOL_UPDATED);
      const family = await calendar('Family');
      const [reason, kept] = family.lastError!.split(' — ');
      if (typeof problem === 'string') expect(reason).toBe(problem);
      else expect(reason).toMatch(problem);
      expect(kept).toBe(KEPT);
      expect(execution.error).toBe(`1 of 2 calendars failed: Family: ${family.lastError}`);
      expect(await logLines(execution.id)).toContainEqual(['error', `calendar "Family" not updated: ${family.lastError}`]);
    });

    it('when the server is down: error naming the calendar and host, all rows stay', async () => {
      await runToEnd(service, 'get_calendar');
      await ics.close();
      const execution = await runToEnd(service, 'get_calendar');
      expect(execution.status).toBe('error');
      expect(execution.error).toMatch(/^2 of 2 calendars failed: Family: could not reach the feed of "Family" at 127\.0\.0\.1:\d+: .+ — kept the events from 2025-10-15 10:00; School: could not reach the feed of "School" at 127\.0\.0\.1:\d+: connection refused \(ECONNREFUSED\) — kept the events from 2025-10-15 10:00$/);
      expect(await rowsOf('Family')).toEqual(FAMILY);
      expect(await rowsOf('School')).toEqual(SCHOOL);
    });

    it('says when a calendar that was never read cannot be read', async () => {
      ics.answer('/family.ics', 404, 'Not Found');
      const execution = await runToEnd(service, 'get_calendar');
      expect((await calendar('Family')).lastError).toMatch(/answered HTTP 404: .+ — no events stored yet$/);
      expect(execution.error).toMatch(/^1 of 2 calendars failed: Family: /);
    });

    // Nothing stored to protect: the complete events of a feed that may be incomplete are better than none.
    it('keeps the complete events of a first download with a mangled last line, says what was wrong, and guards them afterwards', async () => {
      ics.serveFixture('/family.ics', 'broken/exchange-end-vcalendard.ics');
      await service.update('get_calendar', { params: { days_ahead: 60 } });
      const execution = await runToEnd(service, 'get_calendar');
      expect(execution.status).toBe('success');
      const stored = await rowsOf('Family');
      expect(new Set(stored.map(([, , , summary]) => summary))).toEqual(new Set(['Jour fixe Einkauf', 'Jour fixe Einkauf (Raum 2)', 'Call with Boston', 'Betriebsausflug']));
      const warning = 'the feed ends with "END:VCALENDARD" instead of END:VCALENDAR (line 119), so it may not be complete; its complete events are shown, since none were stored before';
      expect((await calendar('Family')).lastError).toBe(warning);
      expect(await logLines(execution.id)).toContainEqual(['warn', `Family: ${warning}`]);
      // Now there is something to protect: the same broken feed is refused and the events stay.
      const again = await runToEnd(service, 'get_calendar');
      expect(again.status).toBe('error');
      expect(await rowsOf('Family')).toEqual(stored);
      expect((await calendar('Family')).lastError).toMatch(/^the feed ends with "END:VCALENDARD" .+ — kept the events from /);
    });

    it('keeps the events before the cut of a first download that was cut off, and leaves the cut one out', async () => {
      ics.serveFixture('/family.ics', 'broken/truncated.ics');
      await service.update('get_calendar', { params: { days_ahead: 60 } });
      expect((await runToEnd(service, 'get_calendar')).status).toBe('success');
      const summaries = new Set((await rowsOf('Family')).map(([, , , summary]) => summary));
      expect(summaries).toEqual(new Set(['Swimming (Mia)', 'Swimming (Mia) – later this week', 'Herbstferien']));
      expect((await calendar('Family')).lastError).toBe('the feed ended before END:VCALENDAR (the download was cut off inside a VEVENT); its complete events are shown, since none were stored before');
    });

    it('is skipped when there are no enabled calendars', async () => {
      await testApp.app.db.getRepository(CalendarEntity).update({ enabled: true }, { enabled: false });
      expect(await runToEnd(service, 'get_calendar')).toMatchObject({ status: 'skipped', summary: expect.stringMatching(/no calendars/) });
    });
  });

  describe('get_calendar with events that cannot be read', () => {
    it('skips each bad event on its own, names it in the log and on the calendar, and stores the rest', async () => {
      ics.serveFixture('/family.ics', 'corpus/bad-rrule.ics');
      ics.serveFixture('/school.ics', 'corpus/duplicate-dtstart.ics');
      await service.update('get_calendar', { params: { days_ahead: 60 } });
      const execution = await runToEnd(service, 'get_calendar');
      expect(execution).toMatchObject({ status: 'success', summary: '8 events in the next 60 days from 2 calendar(s), 3 unreadable event(s) skipped (see the log)' });
      expect((await rowsOf('Family')).map(([start, , , summary]) => [start, summary])).toEqual([['2025-11-13T19:00:00.000Z', 'Vorstandssitzung'], ['2025-12-11T19:00:00.000Z', 'Vorstandssitzung']]);
      expect((await rowsOf('School')).map(([, , , summary]) => summary)).toEqual(Array(6).fill('Nähkurs'));
      const skipped = [
        '"Kinderturnen" (turnen-kinder@verein.example) skipped: invalid BYDAY value " TU"',
        '"Hallenputz" (hallenputz@verein.example) skipped: invalid frequency "FORTNIGHTLY" expected: "SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY"',
      ];
      expect(await calendar('Family')).toMatchObject({ lastError: null, lastSkipped: skipped, lastNotes: [] });
      expect(await calendar('School')).toMatchObject({ lastSkipped: ['"Erste-Hilfe-Kurs" (kurs-17@kursportal.example) skipped: it has 2 DTSTART lines'] });
      const lines = await logLines(execution.id);
      for (const message of skipped) expect(lines).toContainEqual(['warn', `Family: ${message}`]);
      expect(lines).toContainEqual(['info', 'Family: 2 events stored (2 unreadable event(s) skipped)']);
    });

    it('drops stray lines, keeps their events and says which lines were dropped', async () => {
      ics.serveFixture('/family.ics', 'corpus/stray-lines.ics');
      const execution = await runToEnd(service, 'get_calendar');
      expect(execution.status).toBe('success');
      expect((await rowsOf('Family')).map(([, , , summary]) => summary)).toEqual(['Lauftreff', 'Lauftreff', 'Lauftreff', 'Lauftreff']);
      const notes = (await calendar('Family')).lastNotes!;
      expect(notes).toEqual([
        'line 10 ignored, it is not an iCalendar line: "Bitte Stirnlampe mitbringen!"',
        'line 15 ignored, it is not an iCalendar line: "<br />"',
        expect.stringMatching(/^line 16 ignored, it is not an iCalendar line: "<b>Warning<\/b>: {2}Undefined variable/),
      ]);
      expect(await logLines(execution.id)).toContainEqual(['info', `Family: ${notes[0]}`]);
    });

    it('gives events without UID an ID made from their content, the same on every download', async () => {
      ics.serveFixture('/family.ics', 'corpus/missing-uid.ics');
      await service.update('get_calendar', { params: { days_ahead: 60 } });
      await runToEnd(service, 'get_calendar');
      const uids = async () => (await testApp.app.db.getRepository(OccurrenceEntity).find({ where: { calendarId: (await calendar('Family')).id }, order: { startAt: 'ASC' } })).map((o) => [o.summary, o.uid]);
      const first = await uids();
      expect(first.filter(([summary]) => summary === 'Yoga')).toHaveLength(9);
      expect(new Set(first.filter(([summary]) => summary === 'Yoga').map(([, uid]) => uid)).size).toBe(1);
      expect(first.find(([summary]) => summary === 'Buß- und Bettag')![1]).toMatch(/^no-uid-[0-9a-f]{24}$/);
      await runToEnd(service, 'get_calendar');
      expect(await uids()).toEqual(first);
    });

    it('logs a zone it cannot resolve and the zone it used instead', async () => {
      ics.serveFixture('/family.ics', 'corpus/unknown-tzid-x-wr-timezone.ics');
      const execution = await runToEnd(service, 'get_calendar');
      const note = 'time zone "Club Local Time" is neither known nor defined in the file; its times are read in America/Chicago (the calendar\'s X-WR-TIMEZONE)';
      expect((await calendar('Family')).lastNotes).toEqual([note]);
      expect(await logLines(execution.id)).toContainEqual(['info', `Family: ${note}`]);
      // 18:00 in Chicago, however the job's and the machine's zones are set
      expect((await rowsOf('Family'))[0].slice(0, 2)).toEqual(['2025-10-15T23:00:00.000Z', '2025-10-16T00:00:00.000Z']);
    });
  });

  async function calendar(name: string) {
    return testApp.app.db.getRepository(CalendarEntity).findOneByOrFail({ name });
  }

  async function logLines(executionId: number): Promise<[string, string][]> {
    return (await service.logs(executionId)).map((l) => [l.level, l.message]);
  }
});
