import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caldavSettings, fetchCaldavEvents, fetchCaldavTodos, type CaldavSettings } from '../../main/sources/caldav.ts';
import { SourceError } from '../../main/sources/source-http.ts';
import { startRadicale, type Radicale } from '../helpers/radicale.ts';

let radicale: Radicale;
let settings: CaldavSettings;

const todo = (uid: string, lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Nextcloud Tasks v0.16//EN', 'BEGIN:VTODO', `UID:${uid}`, 'DTSTAMP:20251010T080000Z', ...lines, 'END:VTODO', 'END:VCALENDAR', ''].join('\r\n');

beforeAll(async () => {
  radicale = await startRadicale();
  const chores = await radicale.makeCalendar('chores', 'Chores', ['VTODO']);
  const shopping = await radicale.makeCalendar('shopping', 'Shopping', ['VTODO']);
  const family = await radicale.makeCalendar('family', 'Family', ['VEVENT']);
  await radicale.put(chores, 'bins.ics', todo('bins', ['SUMMARY:Put out the bins', 'DUE;VALUE=DATE:20251017', 'PRIORITY:1']));
  await radicale.put(chores, 'boiler.ics', todo('boiler', ['SUMMARY:Book boiler service', 'DUE:20251020T150000Z', 'PRIORITY:5']));
  await radicale.put(chores, 'gutters.ics', todo('gutters', ['SUMMARY:Clear the gutters', 'PRIORITY:9']));
  await radicale.put(chores, 'done.ics', todo('done', ['SUMMARY:Mow the lawn', 'STATUS:COMPLETED', 'COMPLETED:20251012T100000Z', 'PERCENT-COMPLETE:100']));
  await radicale.put(chores, 'cancelled.ics', todo('cancelled', ['SUMMARY:Paint the shed', 'STATUS:CANCELLED']));
  await radicale.put(shopping, 'milk.ics', todo('milk', ['SUMMARY:Milk', 'DUE;VALUE=DATE:20251016']));
  await radicale.put(family, 'swim.ics', ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Apple Inc.//macOS 15//EN', 'BEGIN:VEVENT', 'UID:swim', 'DTSTAMP:20251001T080000Z',
    'DTSTART;TZID=Europe/Berlin:20251006T170000', 'DTEND;TZID=Europe/Berlin:20251006T180000', 'RRULE:FREQ=WEEKLY;COUNT=6', 'SUMMARY:Swimming', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
  settings = caldavSettings.parse({ server_url: radicale.url, username: radicale.username, password: radicale.password });
}, 60_000);

afterAll(() => radicale?.stop());

describe('CalDAV against Radicale', () => {
  it('lists the open to-dos of every task list, soonest due first, completed and cancelled ones hidden', async () => {
    const list = await fetchCaldavTodos(settings);
    expect(list).toEqual({
      items: [
        { title: 'Milk', due: '2025-10-16', priority: 4, list: 'Shopping' },
        { title: 'Put out the bins', due: '2025-10-17', priority: 1, list: 'Chores' },
        { title: 'Book boiler service', due: '2025-10-20T15:00:00.000Z', priority: 2, list: 'Chores' },
        { title: 'Clear the gutters', due: null, priority: 3, list: 'Chores' },
      ],
      more: 0,
    });
  });

  it('reads only the chosen lists, and names a list that is not there', async () => {
    const chores = await fetchCaldavTodos({ ...settings, calendars: ['Chores'], max_items: 2 });
    expect(chores.items.map((i) => i.title)).toEqual(['Put out the bins', 'Book boiler service']);
    expect(chores.more).toBe(1);
    await expect(fetchCaldavTodos({ ...settings, calendars: ['Groceries'] })).rejects.toThrow('no task list named "Groceries" on the server (it has "Chores", "Shopping")');
  });

  it('expands events of the calendars in the display zone, like ICS feeds', async () => {
    const window = { from: new Date('2025-10-13T00:00:00Z'), to: new Date('2025-10-27T00:00:00Z') };
    const { occurrences } = await fetchCaldavEvents(settings, window, 'Europe/Berlin');
    expect(occurrences.map((o) => [o.summary, o.start.toISOString()])).toEqual([['Swimming', '2025-10-13T15:00:00.000Z'], ['Swimming', '2025-10-20T15:00:00.000Z']]);
  });

  it('says when the password is refused or the server is down', async () => {
    await expect(fetchCaldavTodos({ ...settings, password: 'wrong' })).rejects.toThrow(new SourceError(`could not sign in to the CalDAV server at ${new URL(radicale.url).host}: the user name or password was refused`));
    await expect(fetchCaldavTodos({ ...settings, server_url: 'http://127.0.0.1:9/' })).rejects.toThrow(/could not sign in to the CalDAV server at 127\.0\.0\.1:9/);
  });
});
