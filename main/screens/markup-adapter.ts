import type { DrawnByDto } from '../../contract/screens.ts';
import { drawScreenMarkup, drawingMethod } from '../markup/index.ts';
import type { PanelTarget, ScreenMarkup } from './markup-port.ts';

/** The markup drawing (main/markup/) for the screens: the engine (with the pictures the screens fetched with their data), a browser for scripts, or the card saying one is needed. */
export class MarkupAdapter implements ScreenMarkup {
  async draw(html: string, target: PanelTarget, pictures: Record<string, Uint8Array> = {}): Promise<Buffer> {
    return (await drawScreenMarkup(html, { profile: target.profile, rotation: target.rotation, images: pictures })).png;
  }

  drawnBy(needsScript: boolean): DrawnByDto {
    const method = drawingMethod(needsScript ? '<script></script>' : '');
    return { engine: method.how === 'markup' ? 'server' : method.how === 'browser' ? 'browser' : 'card', reason: method.description };
  }
}
