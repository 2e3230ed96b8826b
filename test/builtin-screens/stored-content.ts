import type { TestApp } from '../jobs/test-app.ts';

/** What get_weather stores for Hamburg on Wednesday 2025-10-15 (the day before is past by then). */
export async function storeWeather(testApp: TestApp, now: Date): Promise<void> {
  await testApp.app.settings.set('weather.latitude', '53.55');
  await testApp.app.settings.set('weather.longitude', '9.99');
  await testApp.app.weather.save({
    provider: 'open-meteo', locationName: 'Hamburg', latitude: 53.55, longitude: 9.99, timeZone: 'Europe/Berlin', observedAt: now,
    current: { temperatureC: 12.2, weatherCode: 2, windSpeedKmh: 14 },
    days: [
      { date: '2025-10-14', weatherCode: 61, minC: 8, maxC: 12 },
      { date: '2025-10-15', weatherCode: 2, minC: 8.4, maxC: 13.1, precipitationProbabilityPct: 10 },
      { date: '2025-10-16', weatherCode: 61, minC: 9.2, maxC: 14.4, precipitationProbabilityPct: 40 },
      { date: '2025-10-17', weatherCode: 3, minC: 7, maxC: 11 },
    ],
  }, now);
}

const event = (uid: string, summary: string, start: string, end: string, allDay = false) => ({ uid, recurrenceId: null, start: new Date(start), end: new Date(end), allDay, summary, location: null, sourceTimeZone: null });

/** A "Family" calendar as get_calendar stores it, around Wednesday 2025-10-15 10:05 in Berlin (the events of the past are gone by then). */
export async function storeCalendar(testApp: TestApp): Promise<void> {
  const { app } = testApp;
  if ((await app.calendars.list()).length > 0) return;
  const family = await app.calendars.add({ name: 'Family', url: 'https://calendar.example.org/family.ics' }, new Date('2025-10-15T08:00:00Z'));
  await app.calendars.replaceOccurrences(family.id, [
    event('early', 'Breakfast meeting', '2025-10-15T05:00:00Z', '2025-10-15T06:00:00Z'),
    event('dentist', 'Dentist', '2025-10-15T14:30:00Z', '2025-10-15T15:00:00Z'),
    event('swim', 'Swimming', '2025-10-16T15:00:00Z', '2025-10-16T16:00:00Z'),
    event('market', 'Harbour market', '2025-10-17T22:00:00Z', '2025-10-18T22:00:00Z', true),
    event('later', 'Far away', '2025-12-01T10:00:00Z', '2025-12-01T11:00:00Z'),
  ], new Date('2025-10-15T08:00:00Z'));
}
