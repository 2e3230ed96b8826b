import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ScreenView } from '../../contract/screens.ts';
import type { Logger } from '../core/logger.ts';
import { presentBuiltinData } from '../builtin-screens/render.ts';
import { isBuiltin } from './builtin-plugins.ts';
import { PICTURE_LIMITS, fetchPicture, remotePictureUrls } from './markup-images.ts';
import type { DrawContext, ScreenRecipes } from './recipe-port.ts';
import type { ScreenLibrary } from './screen-library.ts';
import type { Screen } from './screen-store.ts';

const VIEWS: ScreenView[] = ['full', 'half_horizontal', 'half_vertical', 'quadrant'];
/** A picture fetched this recently is not fetched again on the next data refresh. */
const KEEP_MS = 15 * 60_000;
const FOLDER = 'pictures';

/** The field values a screen's Liquid sees: a built-in's settings are already its data. */
export function liquidValues(screen: Screen): Screen['fieldValues'] {
  return isBuiltin(screen.builtinId) ? {} : screen.fieldValues;
}

/** The data a screen's Liquid sees: a built-in's stored data worked out for the display's zone and the render's clock. */
export function liquidData(screen: Screen, data: unknown, context: DrawContext): unknown {
  return isBuiltin(screen.builtinId) ? presentBuiltinData(screen.builtinId, data, { now: context.at, timeZone: context.timeZone, locale: context.locale }) : data;
}

/**
 * The pictures a screen's pages link to (`<img src="http…">`), fetched when its data refreshes
 * and kept in its own folder (`pictures/`, one file per URL), so drawing reads them from disk and
 * never waits on the network. Each picture is held to the fetch limits; one that cannot be had
 * keeps its last copy, or is drawn as an empty box of its size; pictures the pages no longer name
 * are removed.
 */
export class ScreenPictures {
  constructor(
    private readonly library: Pick<ScreenLibrary, 'folder'>,
    private readonly recipes: Pick<ScreenRecipes, 'html'>,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly limits = PICTURE_LIMITS,
  ) {}

  /** Fetches what the screen's views name with this data (before the data is stored, so the redraw it starts has them). */
  async fetchFor(screen: Screen, data: unknown, context: DrawContext): Promise<void> {
    const dir = path.join(this.library.folder(screen), FOLDER);
    const urls = new Set<string>();
    for (const view of VIEWS) {
      const page = await this.recipes.html(this.library.folder(screen), view, liquidData(screen, data, context) ?? {}, liquidValues(screen), context).catch(() => null);
      for (const url of page ? remotePictureUrls(page.html) : []) urls.add(url);
    }
    const wanted = [...urls].slice(0, this.limits.maxPictures);
    if (wanted.length > 0) await fs.mkdir(dir, { recursive: true });
    await Promise.all(wanted.map((url) => this.refreshOne(dir, url)));
    await this.removeAllBut(dir, new Set(wanted.map(fileName)));
  }

  /** The kept bytes of each picture the page names, by its `src`. */
  async forPage(screen: Screen, html: string): Promise<Record<string, Uint8Array>> {
    const dir = path.join(this.library.folder(screen), FOLDER);
    const found: Record<string, Uint8Array> = {};
    for (const url of remotePictureUrls(html)) {
      const bytes = await fs.readFile(path.join(dir, fileName(url))).catch(() => null);
      if (bytes && bytes.length <= this.limits.maxBytes) found[url] = bytes;
    }
    return found;
  }

  private async refreshOne(dir: string, url: string): Promise<void> {
    const file = path.join(dir, fileName(url));
    const kept = await fs.stat(file).catch(() => null);
    if (kept && this.now().getTime() - kept.mtimeMs < KEEP_MS) return;
    const bytes = await fetchPicture(url, this.limits);
    if (!bytes) {
      this.log.warn({ url }, 'a picture a screen links to could not be fetched; its last copy (if any) stays');
      return;
    }
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, file);
    await fs.utimes(file, this.now(), this.now());
  }

  private async removeAllBut(dir: string, keep: Set<string>): Promise<void> {
    const present = await fs.readdir(dir).catch(() => [] as string[]);
    await Promise.all(present.filter((name) => !keep.has(name)).map((name) => fs.rm(path.join(dir, name), { force: true })));
  }
}

/** One file per URL, named by its hash (a URL is no file name). */
function fileName(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}

/** What the pictures drawn into a page are, for the panel image cache's key (the same URL may show a new picture). */
export function picturesDigest(pictures: Record<string, Uint8Array>): string {
  const hash = createHash('sha256');
  for (const url of Object.keys(pictures).sort()) hash.update(url).update(pictures[url]);
  return hash.digest('hex');
}
