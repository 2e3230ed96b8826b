import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../main/dashboard/agenda.ts';
import { drawableText } from '../../main/dashboard/drawable-text.ts';
import { NOW, TIME_ZONE } from '../fixtures/dashboard/sample-data.ts';

describe('drawableText', () => {
  it('drops emoji, with their joiners, skin tones and flags, and tidies the spaces left', () => {
    expect(drawableText('🎂 Anna’s birthday 🎉')).toBe('Anna’s birthday');
    expect(drawableText('Family 👨‍👩‍👧 dinner')).toBe('Family dinner');
    expect(drawableText('Wave 👋🏽 and ❤️ and 🇳🇱 flag')).toBe('Wave and and flag');
  });

  it('keeps every script and sign the bundled fonts have', () => {
    const text = 'Zażółć gęślą jaźń · Встреча · Συνάντηση · 7° 1½ € — 09:30–10:00 “ok” #1 & © ™';
    expect(drawableText(text)).toBe(text);
  });

  it('gives an event made only of emoji a readable title', () => {
    const party = { uid: 'p', calendarName: 'Home', calendarColor: '#f00', summary: '🎉🎉', start: NOW, end: new Date(NOW.getTime() + 3_600_000), allDay: false };
    expect(buildAgenda([party], NOW, { timeZone: TIME_ZONE, locale: 'en-GB' })[0].entries[0].title).toBe('(no title)');
  });
});
