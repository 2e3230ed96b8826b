import { describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { drawMarkupHere } from '../../main/markup/draw.ts';
import { fixture } from './support/boxes.ts';
import { ocrTextBoxes, readsAs } from './support/ocr.ts';

/** The strings the data carries that a reader must find on the panel, per fixture. */
const KEY_STRINGS: Record<string, string[]> = {
  'todo-columns.html': ['Buy oat milk', 'Renew passport', 'Backup the laptop', 'To-do'],
  'weather-grid.html': ['60%', 'Rain chance', 'Showers clearing by evening', 'Umbrella', 'Jacket', 'Sunset 16:12', 'Leeds'],
  'departures-table.html': ['Destination', 'Airport Terminal 2', 'Kingsbridge Central', '23 min', 'Departures'],
  'mashup-2x2.html': ['7,431', 'Standup 09:30', 'Lunch with Priya', '1.3M', 'Backup 72% done', 'Fitness'],
  'mashup-1Lx1R.html': ['21:04', 'Descale kettle', 'Chores'],
  'richtext-limiter.html': ['reading group', 'lighthouse', 'Notice board'],
  'overflow-more.html': ['Invoice 1041 paid', 'Northwind Traders', 'Invoice 1047 paid'],
  'dark-greys.html': ['Living room', '21.5', 'Bedroom', 'Window open', 'Climate'],
  'list-limit.html': ['Shopping list', 'Eggs, a dozen', 'and 6 more'],
  'icons-svg.html': ['Next bus 7 min', 'Battery 84%', 'Icons'],
};

const loose = (text: string): string => text.replace(/\s+/g, ' ').toLowerCase();

// Every fixture on the 1-bit TRMNL panel (the hardest for text), a few on a 7-colour and a 1600×1200 panel.
const CASES = [
  // Light text on a 1-bit pattern of grey is beyond OCR (and hard for a reader too): dark-greys is read on real greys.
  ...Object.keys(KEY_STRINGS).filter((name) => name !== 'dark-greys.html').map((name) => ['trmnl-og-1bit', name] as const),
  ['trmnl-og-4grey', 'dark-greys.html'] as const,
  ...['weather-grid.html', 'mashup-2x2.html'].map((name) => ['inky-impression-7.3', name] as const),
  ...['departures-table.html', 'overflow-more.html'].map((name) => ['spectra6-13.3', name] as const),
];

describe('the text the data carries is legible (tesseract)', () => {
  it.each(CASES)('on %s: %s', async (profileId, name) => {
    const strings = KEY_STRINGS[name];
    const { png, boxes } = await drawMarkupHere(fixture(name), { profile: findBuiltinProfile(profileId)! });
    const text = loose(await ocrTextBoxes(png, boxes));
    const unread = strings.filter((s) => !readsAs(text, loose(s)));
    expect(unread, `read: ${text}`).toEqual([]);
  }, 120_000);
});
