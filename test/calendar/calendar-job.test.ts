import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCalendar } from '../../main/calendar/calendars.ts';
import { JobService } from '../../main/jobs/job-service.ts';
import { JOB_KINDS } from '../../main/jobs/registry.ts';
import { CalendarEntity, OccurrenceEntity } from '../../main/storage/entities/calendar.ts';
import { startFakeIcsServer, type FakeIcsServer } from '../fakes/ics-server.ts';
import { createTestApp, runToEnd, type TestApp } from '../jobs/test-app.ts';

/** Wednesday 2025-10-15, 10:00 in Berlin; with days_ahead 28 the window is [2025-10-15 00:00 CEST, 2025-11-12 00:00 CET). */
const NOW = new Date('2025-10-15T08:00:00Z');

type Row = [start: string, end: string, allDay: boolean, summary: string, recurrenceId: string | null];

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

let ics: FakeIcsServer;
let testApp: TestApp;
let service: JobService;

beforeEach(async () => {
  ics = await startFakeIcsServer();
  ics.serveFixture('/family.ics', 'family.ics');
  ics.serveFixture('/school.ics', 'school.ics');
  testApp = await createTestApp({ now: () => NOW });
  await addCalendar(testApp.app.db, { name: 'Family', url: `${ics.url}/family.ics`, color: '#e53935' }, NOW);
  await addCalendar(testApp.app.db, { name: 'School', url: `${ics.url}/school.ics` }, NOW);
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
    expect(changes).toEqual(['calendar']);
  });
});

describe('get_calendar updates', () => {
  it('removes events that disappeared from the source on the next run', async () => {
    await runToEnd(service, 'get_calendar');
    ics.serveFixture('/family.ics', 'family-updated.ics');
    expect((await runToEnd(service, 'get_calendar')).status).toBe('success');
    expect(await rowsOf('Family')).toEqual(FAMILY.filter(([, , , summary]) => summary !== 'Call with the New York office' && summary !== 'Conference in Leipzig'));
  });

  it.each([
    ['answers 500', (server: FakeIcsServer) => server.answer('/school.ics', 500, '<h1>Internal Server Error</h1>'), /School: 127\.0\.0\.1:\d+ answered HTTP 500/],
    ['answers garbage', (server: FakeIcsServer) => server.answer('/school.ics', 200, '<!doctype html><title>Login</title>'), /School: not an iCalendar file \(it begins "<!doctype html>/],
  ])('when one feed %s: error, its previous rows stay, the other calendar still updates', async (_case, breakIt, message) => {
    await runToEnd(service, 'get_calendar');
    breakIt(ics);
    ics.serveFixture('/family.ics', 'family-updated.ics');
    const execution = await runToEnd(service, 'get_calendar');
    expect(execution.status).toBe('error');
    expect(execution.error).toMatch(/^1 of 2 calendars failed: /);
    expect(execution.error).toMatch(message);
    expect(await rowsOf('School')).toEqual(SCHOOL);
    expect(await rowsOf('Family')).toHaveLength(FAMILY.length - 2);
    const school = await testApp.app.db.getRepository(CalendarEntity).findOneByOrFail({ name: 'School' });
    expect(execution.error).toContain(`School: ${school.lastError}`);
  });

  it('when the server is down: error naming the calendar and host, all rows stay', async () => {
    await runToEnd(service, 'get_calendar');
    await ics.close();
    const execution = await runToEnd(service, 'get_calendar');
    expect(execution.status).toBe('error');
    expect(execution.error).toMatch(/^2 of 2 calendars failed: Family: could not reach the feed of "Family" at 127\.0\.0\.1:\d+: .+; School: could not reach the feed of "School" at 127\.0\.0\.1:\d+: connection refused \(ECONNREFUSED\)$/);
    expect(await rowsOf('Family')).toEqual(FAMILY);
    expect(await rowsOf('School')).toEqual(SCHOOL);
  });

  it('is skipped when there are no enabled calendars', async () => {
    await testApp.app.db.getRepository(CalendarEntity).update({ enabled: true }, { enabled: false });
    expect(await runToEnd(service, 'get_calendar')).toMatchObject({ status: 'skipped', summary: expect.stringMatching(/no calendars/) });
  });
});
