import { describe, expect, it } from 'vitest';
import { buildAgenda, entryHeight, fitAgenda, type AgendaDay } from '../../main/dashboard/agenda.ts';
import type { CalendarOccurrence } from '../../main/dashboard/types.ts';
import { LONG_TITLE, NOW, TIME_ZONE, sampleEvents } from '../fixtures/dashboard/sample-data.ts';

const clock = { timeZone: TIME_ZONE, locale: 'en-GB' };

function occurrence(summary: string, start: string, end: string, extra: Partial<CalendarOccurrence> = {}): CalendarOccurrence {
  return { uid: summary, calendarName: 'Home', calendarColor: '#33b679', summary, start: new Date(start), end: new Date(end), allDay: false, ...extra };
}

describe('buildAgenda', () => {
  const days = buildAgenda(sampleEvents(), NOW, clock);
  const byTitle = (title: string) => days.flatMap((d) => d.entries).find((e) => e.title === title)!;

  it('lists today first, then each later day with events, in order', () => {
    expect(days.map((d) => d.heading)).toEqual(['Today', 'Tomorrow', 'Thu 26 Nov', 'Sat 28 Nov']);
    expect(days[0].entries.map((e) => e.title)).toEqual(['Grandma staying', 'Bins out: paper and cardboard', 'Dentist, Mila', LONG_TITLE]);
  });

  it('leaves out what already ended today', () => {
    expect(days.flatMap((d) => d.entries).some((e) => e.title === 'School run')).toBe(false);
  });

  it('labels all-day, multi-day and timed events in the display time zone', () => {
    expect(byTitle('Bins out: paper and cardboard').slot).toBe('All day');
    expect(byTitle('Grandma staying').slot).toBe('until Thu');
    expect(byTitle('Dentist, Mila').slot).toBe('15:30');
    expect(byTitle('Team stand-up').slot).toBe('09:30');
    expect(byTitle('Conference in Berlin')).toMatchObject({ slot: '18:00', until: 'until Sat', location: 'Estrel Congress Center' });
  });

  it('shows a timed event that began before today as running now, until it ends', () => {
    const overnight = occurrence('Night shift', '2026-11-23T21:00:00Z', '2026-11-24T15:00:00Z');
    const trip = occurrence('Trip', '2026-11-23T07:00:00Z', '2026-11-26T20:00:00Z');
    const [today] = buildAgenda([overnight, trip], NOW, clock);
    expect(today.entries.map((e) => [e.slot, e.until])).toEqual([
      ['Now', 'until Thu'],
      ['Now', 'until 16:00'],
    ]);
  });

  it('reads all-day dates stored as UTC midnight or as local midnight as the same day', () => {
    const utc = occurrence('A', '2026-11-25T00:00:00Z', '2026-11-26T00:00:00Z', { allDay: true });
    const local = occurrence('B', '2026-11-24T23:00:00Z', '2026-11-25T23:00:00Z', { allDay: true });
    const [, tomorrow] = buildAgenda([utc, local], NOW, clock);
    expect(tomorrow.heading).toBe('Tomorrow');
    expect(tomorrow.entries.map((e) => e.slot)).toEqual(['All day', 'All day']);
  });

  it('names far-off end days by date, on the second line', () => {
    const long = occurrence('Sabbatical', '2026-11-20T00:00:00Z', '2026-12-10T00:00:00Z', { allDay: true });
    expect(buildAgenda([long], NOW, clock)[0].entries[0]).toMatchObject({ slot: 'All day', until: 'until 9 Dec' });
  });

  it('keeps an empty Today when nothing is on', () => {
    expect(buildAgenda([], NOW, clock)).toEqual([{ key: '2026-11-24', heading: 'Today', isToday: true, entries: [] }]);
  });
});

describe('fitAgenda', () => {
  const metrics = { heading: 30, entry: 27, entryWithDetail: 45, note: 26 };
  const days: AgendaDay[] = buildAgenda(sampleEvents(), NOW, clock);
  const total = days.reduce((n, d) => n + d.entries.length, 0);
  const heightOf = (fitted: ReturnType<typeof fitAgenda>) =>
    fitted.days.reduce(
      (h, d) => h + metrics.heading + (d.isToday && fitted.nothingToday ? metrics.note : 0) + d.entries.reduce((s, e) => s + entryHeight(e, metrics), 0),
      0,
    ) + (fitted.hiddenCount ? metrics.note : 0);

  it('keeps everything when there is room', () => {
    const fitted = fitAgenda(days, 10_000, metrics);
    expect(fitted.hiddenCount).toBe(0);
    expect(fitted.days).toEqual(days);
    expect(fitted.nothingToday).toBe(false);
  });

  it('says when today is empty, and budgets for saying it', () => {
    const [, ...later] = days;
    const withEmptyToday = [{ ...days[0], entries: [] }, ...later];
    const fitted = fitAgenda(withEmptyToday, 120, metrics);
    expect(fitted.nothingToday).toBe(true);
    expect(heightOf(fitted)).toBeLessThanOrEqual(120);
  });

  it.each([60, 120, 200, 278, 330, 400])('never exceeds a budget of %ipx and counts what it left out', (budget) => {
    const fitted = fitAgenda(days, budget, metrics);
    expect(heightOf(fitted)).toBeLessThanOrEqual(budget);
    expect(fitted.days.reduce((n, d) => n + d.entries.length, 0) + fitted.hiddenCount).toBe(total);
    expect(fitted.days[0].heading).toBe('Today');
    expect(fitted.days.slice(1).every((d) => d.entries.length > 0)).toBe(true);
  });
});
