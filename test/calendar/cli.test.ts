import { afterEach, describe, expect, it } from 'vitest';
import { calendarsAddCommand, calendarsListCommand, calendarsRemoveCommand, eventsCommand } from '../../main/cli/commands/calendar.ts';
import { runJobCommand } from '../../main/cli/commands/jobs.ts';
import { JobService } from '../../main/jobs/job-service.ts';
import { JOB_KINDS } from '../../main/jobs/registry.ts';
import { startFakeIcsServer, type FakeIcsServer } from '../fakes/ics-server.ts';
import { captureOutput, createTestApp, type TestApp } from '../jobs/test-app.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases('the calendar commands'))('the calendar commands (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);

  let testApp: TestApp;
  let ics: FakeIcsServer;

  afterEach(async () => {
    await testApp?.close();
    await ics?.close();
  });

  describe('calendar commands', () => {
    it('adds a calendar, fetches it with `inkstand job get_calendar` and lists events with absolute offsets', async () => {
      ics = await startFakeIcsServer();
      ics.serveFixture('/family.ics', 'family.ics');
      testApp = await createTestApp({ databaseUrl: await freshDatabase(), now: () => new Date('2025-10-15T08:00:00Z') });
      const out = captureOutput();
      await calendarsAddCommand(testApp.app, 'Family', `${ics.url}/family.ics`, { color: '#43a047' }, out);
      expect(out.text()).toMatch(/^calendar "Family" added \(#43a047\)/);
      await new JobService(testApp.app, JOB_KINDS).update('get_calendar', { timeZone: 'Europe/Berlin', params: { days_ahead: 28 } });
      expect(await runJobCommand(testApp.app, 'get_calendar', {}, captureOutput())).toBe(0);

      const events = captureOutput();
      await eventsCommand(testApp.app, { json: true, timeZone: 'Europe/Berlin' }, events);
      const rows = JSON.parse(events.text());
      expect(rows).toHaveLength(11);
      expect(rows.find((r: { summary: string }) => r.summary === 'Autumn holiday at the lake')).toEqual({
        calendar: 'Family', summary: 'Autumn holiday at the lake', start: '2025-10-24T00:00:00+02:00', end: '2025-10-28T00:00:00+01:00', allDay: true,
        location: 'Plau am See', uid: '2b6e9a40f1c84d3e@family.example', recurrenceId: null, color: '#43a047',
      });
      expect(rows.filter((r: { summary: string }) => r.summary === 'Put out the bins').map((r: { start: string }) => r.start)).toEqual([
        '2025-10-18T07:00:00+02:00', '2025-10-25T07:00:00+02:00', '2025-11-01T07:00:00+01:00', '2025-11-08T07:00:00+01:00',
      ]);
      const utc = captureOutput();
      await eventsCommand(testApp.app, { json: true, timeZone: 'UTC' }, utc);
      expect(JSON.parse(utc.text())[0].start).toBe('2025-10-18T05:00:00+00:00');

      const list = captureOutput();
      await calendarsListCommand(testApp.app, { json: true }, list);
      expect(JSON.parse(list.text())).toEqual([{ name: 'Family', url: `${ics.url}/family.ics`, color: '#43a047', enabled: true, lastFetchedAt: '2025-10-15T08:00:00.000Z', lastError: null, skipped: [], notes: [] }]);

      await calendarsRemoveCommand(testApp.app, 'Family', captureOutput());
      const none = captureOutput();
      await eventsCommand(testApp.app, { json: true }, none);
      expect(JSON.parse(none.text())).toEqual([]);
    });

    it('refuses a bad URL, a bad colour, a duplicate name and removing an unknown calendar', async () => {
      testApp = await createTestApp({ databaseUrl: await freshDatabase() });
      const out = captureOutput();
      await expect(calendarsAddCommand(testApp.app, 'X', 'ftp://example.com/x.ics', {}, out)).rejects.toThrow(/url: an ICS feed URL starts with/);
      await expect(calendarsAddCommand(testApp.app, 'X', 'https://example.com/x.ics', { color: 'red' }, out)).rejects.toThrow(/color: use a colour like/);
      await calendarsAddCommand(testApp.app, 'X', 'webcal://example.com/x.ics', {}, out);
      await expect(calendarsAddCommand(testApp.app, 'X', 'https://example.com/y.ics', {}, out)).rejects.toThrow(/already a calendar called "X"/);
      await expect(calendarsRemoveCommand(testApp.app, 'Y', out)).rejects.toThrow(/no calendar called "Y"/);
    });
  });
});
