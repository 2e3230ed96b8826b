import type { DrawnByDto, MashupLayout, ScreenView } from '../../contract/screens.ts';
import { logicalSize } from '../imaging/rotate.ts';
import { mashupViewSizes, screenMarkup, type ViewMarkup } from '../markup/index.ts';
import { problemCard } from './problem-card.ts';
import type { MashupStore } from './mashup-store.ts';
import type { PanelTarget, ScreenMarkup } from './markup-port.ts';
import type { DrawContext, ScreenRecipes } from './recipe-port.ts';
import type { ScreenData } from './screen-data.ts';
import type { ScreenLibrary } from './screen-library.ts';
import { liquidData, liquidValues, type ScreenPictures } from './screen-pictures.ts';
import type { Screen, ScreenStore } from './screen-store.ts';

const VIEW_PLACE: Record<ScreenView, MashupLayout | null> = { full: null, half_vertical: '1Lx1R', half_horizontal: '1Tx1B', quadrant: '2x2' };

/** What is drawn: one screen in one of its views, or a mashup. */
export type DrawSubject = { kind: 'screen'; id: number; view?: ScreenView } | { kind: 'mashup'; id: number };

/** Where and when: the panel, and what the merge variables say about the moment and the display. */
export interface DrawRequest {
  target: PanelTarget;
  at: Date;
  timeZone: string;
  percentCharged?: number | null;
  wifiStrength?: number | null;
}

export interface DrawnPage {
  png: Buffer;
  html: string;
  drawnBy: DrawnByDto;
}

/**
 * Turns screens and mashups into panel images: each screen's recipe markup for its view (Liquid
 * over its last good data), composed into TRMNL's page, drawn by the markup drawing. A screen that
 * cannot be drawn gets a card with its name and the reason in its place, and the reason on its entry.
 */
export class ScreenDrawing {
  constructor(
    private readonly store: ScreenStore,
    private readonly mashups: MashupStore,
    private readonly library: ScreenLibrary,
    private readonly data: Pick<ScreenData, 'refresh'>,
    private readonly recipes: Pick<ScreenRecipes, 'html'>,
    private readonly markup: ScreenMarkup,
    private readonly pictures: Pick<ScreenPictures, 'forPage'>,
  ) {}

  /** The page's markup, how soon it wants drawing again, and the pictures it names (fetched with the data, read from disk). */
  async page(subject: DrawSubject, request: DrawRequest): Promise<{ html: string; refreshMinutes: number; pictures: Record<string, Uint8Array> }> {
    const { width, height } = logicalSize(request.target.profile.width, request.target.profile.height, request.target.rotation);
    const context: DrawContext = {
      at: request.at, timeZone: request.timeZone, locale: 'en', width, height,
      percentCharged: request.percentCharged ?? null, wifiStrength: request.wifiStrength ?? null,
    };
    let layout: MashupLayout | null;
    let slots: { id: number; view: ScreenView }[];
    if (subject.kind === 'mashup') {
      const mashup = await this.mashups.get(subject.id);
      layout = mashup.layout;
      slots = mashup.screenIds.map((id, i) => ({ id, view: mashupViewSizes(mashup.layout)[i] }));
    } else {
      const view = subject.view ?? 'full';
      slots = [{ id: subject.id, view }];
      // A half or a quadrant is drawn at its size, in the first place of a mashup that has one.
      layout = VIEW_PLACE[view];
    }
    const views: ViewMarkup[] = [];
    const pictures: Record<string, Uint8Array> = {};
    let refreshMinutes = 24 * 60;
    let darkMode = false;
    let noPadding = false;
    for (const slot of slots) {
      const screen = await this.withData(await this.store.get(slot.id));
      const recipe = await this.library.recipe(screen).catch(() => null);
      darkMode ||= recipe?.darkMode ?? false;
      noPadding ||= recipe?.noScreenPadding ?? false;
      const html = await this.viewHtml(screen, slot.view, context);
      Object.assign(pictures, await this.pictures.forPage(screen, html));
      views.push({ html });
      refreshMinutes = Math.min(refreshMinutes, screen.refreshMinutes);
    }
    return { html: screenMarkup(views, { mashup: layout ?? undefined, darkMode, noScreenPadding: noPadding }), refreshMinutes, pictures };
  }

  async draw(subject: DrawSubject, request: DrawRequest): Promise<DrawnPage> {
    const { html, pictures } = await this.page(subject, request);
    return { png: await this.markup.draw(html, request.target, pictures), html, drawnBy: this.markup.drawnBy(/<script[\s>]/i.test(html)) };
  }

  /** How a screen is drawn, from what its recipe needs. */
  async drawnBy(screen: Screen): Promise<DrawnByDto> {
    const recipe = await this.library.recipe(screen).catch(() => null);
    return this.markup.drawnBy(recipe?.needsScript ?? false);
  }

  /** A polling or static screen without data fetches once first, so a first render shows data, not an empty template. */
  private async withData(screen: Screen): Promise<Screen> {
    if (screen.strategy === 'webhook' || screen.dataFetchedAt) return screen;
    return (await this.data.refresh(screen.id)).screen;
  }

  /** A Liquid error while rendering shows in its place on the panel (as TRMNL's does) and on the screen's entry. */
  private async viewHtml(screen: Screen, view: ScreenView, context: DrawContext): Promise<string> {
    try {
      const { html, errors } = await this.recipes.html(this.library.folder(screen), view, liquidData(screen, screen.data, context) ?? {}, liquidValues(screen), { ...context, instanceName: screen.name });
      if (errors.length > 0) await this.store.saveError(screen.id, `Liquid error in ${errors.join('; ')}`);
      return html;
    } catch (err) {
      const reason = (err as Error).message || String(err);
      await this.store.saveError(screen.id, `could not draw: ${reason}`);
      return problemCard(screen.name, `could not be drawn: ${reason}`);
    }
  }
}
