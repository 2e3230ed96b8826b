import { ITEM_MODES, type ItemMode } from '../../contract/dtos.ts';
import { ScreenInputError } from './errors.ts';
import type { ScreensFeature } from './screens-feature.ts';

export function isItemMode(mode: string): mode is ItemMode {
  return (ITEM_MODES as readonly string[]).includes(mode);
}

/**
 * The item id that goes beside a chosen mode: the screen, mashup or playlist must exist for an
 * item mode; the other modes name none (null).
 */
export async function itemForMode(screens: Pick<ScreensFeature, 'store' | 'mashups' | 'playlists'>, mode: string, itemId: number | null | undefined): Promise<number | null> {
  if (!isItemMode(mode)) return null;
  if (itemId === null || itemId === undefined) throw new ScreenInputError(`mode ${mode} needs the id of the ${mode} to show (itemId)`);
  const found = mode === 'screen' ? await screens.store.find(itemId) : mode === 'mashup' ? await screens.mashups.find(itemId) : await screens.playlists.find(itemId);
  if (!found) throw new ScreenInputError(`no ${mode} with id ${itemId}`);
  return itemId;
}
