import { describe, expect, it } from 'vitest';
import { formatAge, weatherAgeLabel } from '../../main/dashboard/age.ts';
import { weatherCondition } from '../../main/dashboard/weather-codes.ts';
import { weatherView } from '../../main/dashboard/weather-view.ts';
import { existsSync } from 'node:fs';
import { NOW, TIME_ZONE, sampleWeather } from '../fixtures/dashboard/sample-data.ts';

const clock = { timeZone: TIME_ZONE, locale: 'en-GB' };
const hoursBefore = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe('weatherAgeLabel', () => {
  it('says nothing while the weather is two hours old or less', () => {
    expect(weatherAgeLabel(hoursBefore(0), NOW)).toBeNull();
    expect(weatherAgeLabel(hoursBefore(1.5), NOW)).toBeNull();
    expect(weatherAgeLabel(hoursBefore(2), NOW)).toBeNull();
  });

  it('gives the age in whole hours, then days', () => {
    expect(weatherAgeLabel(hoursBefore(2.1), NOW)).toBe('weather from 2 h ago');
    expect(weatherAgeLabel(hoursBefore(3.9), NOW)).toBe('weather from 3 h ago');
    expect(weatherAgeLabel(hoursBefore(47), NOW)).toBe('weather from 47 h ago');
    expect(weatherAgeLabel(hoursBefore(24 * 5 + 3), NOW)).toBe('weather from 5 days ago');
  });

  it('treats a fetch time in the future as fresh', () => {
    expect(weatherAgeLabel(hoursBefore(-1), NOW)).toBeNull();
    expect(formatAge(hoursBefore(-1), NOW)).toBe('0 min');
  });
});

describe('weatherCondition', () => {
  it('maps WMO codes to an icon and a label', () => {
    expect(weatherCondition(61)).toEqual({ icon: 'rain', label: 'Light rain' });
    expect(weatherCondition(0, false)).toEqual({ icon: 'clear-night', label: 'Clear' });
    expect(weatherCondition(2, false).icon).toBe('partly-cloudy-night');
    expect(weatherCondition(63, false).icon).toBe('rain');
    expect(weatherCondition(57).icon).toBe('freezing-rain');
    expect(weatherCondition(99).icon).toBe('thunderstorm');
  });

  it('reads an unknown code as cloudy', () => {
    expect(weatherCondition(42)).toEqual({ icon: 'cloudy', label: 'Cloudy' });
  });

  it('has an icon file for every code', () => {
    const codes = [0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96, 99];
    for (const code of codes) {
      for (const isDay of [true, false]) {
        const { icon } = weatherCondition(code, isDay);
        expect(existsSync(new URL(`../../resources/weather-icons/${icon}.svg`, import.meta.url)), icon).toBe(true);
      }
    }
  });
});

describe('weatherView', () => {
  it('words the current weather, today and the days after', () => {
    const view = weatherView(sampleWeather(), NOW, clock)!;
    expect(view).toMatchObject({
      location: 'Amsterdam',
      ageLabel: null,
      headline: { temperature: '7°', condition: { label: 'Light rain' } },
      high: '9°',
      low: '3°',
      rain: '60%',
      wind: '18 km/h SW',
    });
    expect(view.forecast.map((d) => d.weekday)).toEqual(['Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Mon']);
    expect(view.forecast[3]).toMatchObject({ high: '5°', low: '-2°', rain: '0%' });
  });

  it('falls back to today when there are no current conditions', () => {
    const view = weatherView({ ...sampleWeather(), current: null }, NOW, clock)!;
    expect(view.headline).toMatchObject({ temperature: '9°', condition: { label: 'Light rain' } });
    expect(view.wind).toBe('24 km/h SW');
  });

  it('is null when there is nothing to show', () => {
    expect(weatherView(null, NOW, clock)).toBeNull();
    expect(weatherView({ ...sampleWeather(), current: null, days: [] }, NOW, clock)).toBeNull();
  });

  it('labels old data', () => {
    expect(weatherView(sampleWeather(hoursBefore(3)), NOW, clock)!.ageLabel).toBe('weather from 3 h ago');
  });
});
