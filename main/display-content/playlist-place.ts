import type { PlaylistItem } from '../../contract/screens.ts';

export type PlaylistStep = 'keep' | 'next' | 'previous';

export interface PlaylistPlace {
  position: number;
  since: Date;
  item: PlaylistItem;
  /** When this item's time is up. */
  dueAt: Date;
  /** Whether the place differs from the stored one (it must be saved). */
  moved: boolean;
}

/**
 * Where a display is in its playlist at `now`: the stored place while its item's time lasts, else
 * the next item; `next`/`previous` (a button) step at once. A place past the end (the playlist got
 * shorter) starts over at the first item.
 */
export function playlistPlace(items: PlaylistItem[], stored: { position: number | null; since: Date | null }, now: Date, step: PlaylistStep): PlaylistPlace {
  const count = items.length;
  let position = stored.position !== null && stored.position < count ? stored.position : null;
  let since = position === null ? now : stored.since ?? now;
  if (position === null) {
    position = 0;
  } else if (step === 'next') {
    position = (position + 1) % count;
    since = now;
  } else if (step === 'previous') {
    position = (position - 1 + count) % count;
    since = now;
  } else if (now.getTime() - since.getTime() >= items[position].durationS * 1000) {
    position = (position + 1) % count;
    since = now;
  }
  const moved = position !== stored.position || since.getTime() !== stored.since?.getTime();
  return { position, since, item: items[position], dueAt: new Date(since.getTime() + items[position].durationS * 1000), moved };
}
