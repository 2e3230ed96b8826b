/**
 * Every recipe fixture drawn the whole way a screen takes (import, data from its loopback server,
 * static data or webhook pushes, Liquid, the screen's page, the drawing) and checked three ways:
 * tesseract reads the strings its data carries, its layout points hold on the laid-out boxes, and
 * the image matches the golden one, looked at when it was made.
 *
 * The manifest's `drawn` entry of each fixture lists what is checked. Golden images:
 * `UPDATE_GOLDEN=1 npx vitest run test/recipes/fixtures-drawn.test.ts` writes them anew into
 * test/fixtures/recipes-golden/ (look at each before committing).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawScreenMarkup, findSystemChromium, setMarkupBrowser, SystemChromium, type DrawnScreen } from '../../main/markup/index.ts';
import { recipeFixtures, type RecipeFixture } from '../helpers/recipe-fixtures.ts';
import { expectGolden } from '../markup/support/golden.ts';
import { ocrText, ocrTextBoxes, readsAs } from '../markup/support/ocr.ts';
import { fixturePage } from './support/draw-fixture.ts';
import { assertLayout } from './support/layout-checks.ts';

const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/recipes-golden/', import.meta.url));
/** The hardest panel for text: every fixture is drawn on it unless its manifest says why not. */
const DEFAULT_PANEL = 'trmnl-og-1bit';
/** A browser's drawing may shift by a glyph's antialiasing between Chromium builds. */
const BROWSER_TOLERANCE = 0.01;
/** tesseract runs at once: one thread each, as many as a small machine has cores. */
const OCR_RUNS = 2;

const chromium = findSystemChromium();
const fixtures = recipeFixtures().filter((fixture) => !fixture.needsBrowser || chromium);
const drawings = new Map<string, Promise<DrawnScreen>>();
const readings = new Map<string, Promise<string>>();

/** At most `OCR_RUNS` readings at a time, in the order asked. */
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(run: () => Promise<T>): Promise<T> {
  if (running >= OCR_RUNS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await run();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const loose = (text: string): string => text.replace(/\s+/g, ' ').toLowerCase();

beforeAll(async () => {
  process.env.OMP_THREAD_LIMIT = '1';
  if (chromium) await setMarkupBrowser(new SystemChromium({ executablePath: chromium, allowNetwork: false, idleMs: 60_000 }));
  // Drawing is quick and one at a time; the readings then run side by side as each drawing is ready.
  let previous: Promise<unknown> = Promise.resolve();
  for (const fixture of fixtures) {
    const drawn = previous.then(async () => {
      const page = await fixturePage(fixture, fixture.drawn.panel ?? DEFAULT_PANEL);
      return drawScreenMarkup(page.html, page.target, { boxes: true });
    });
    previous = drawn.catch(() => undefined);
    const reading = drawn.then((d) => limited(() => (d.boxes ? ocrTextBoxes(d.png, d.boxes) : ocrText(d.png))));
    // A failure is reported by the fixture's own tests, not as an unhandled rejection meanwhile.
    reading.catch(() => undefined);
    drawings.set(fixture.id, drawn);
    readings.set(fixture.id, reading);
  }
  await previous;
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(readings.values());
  await setMarkupBrowser(null);
});

describe.each(fixtures.map((fixture) => [fixture.id, fixture] as const))('recipe fixture %s drawn', (_id, fixture: RecipeFixture) => {
  it('is drawn the way its recipe needs', async () => {
    expect((await drawings.get(fixture.id)!).how).toBe(fixture.needsBrowser ? 'browser' : 'markup');
  });

  it('shows the text its data carries, legibly (tesseract)', async () => {
    const text = loose(await readings.get(fixture.id)!);
    const unread = fixture.drawn.ocr.filter((s) => !readsAs(text, loose(s)));
    expect(unread, `read: ${text}`).toEqual([]);
  }, 120_000);

  it.runIf(fixture.drawn.layout.length > 0)('holds its layout points', async () => {
    const { boxes } = await drawings.get(fixture.id)!;
    for (const check of fixture.drawn.layout) assertLayout(boxes!, check);
  });

  it('matches its golden image', async () => {
    const { png } = await drawings.get(fixture.id)!;
    await expectGolden(png, `${GOLDEN_DIR}${fixture.id}.png`, fixture.needsBrowser ? BROWSER_TOLERANCE : undefined);
  });
});
