import { describe, expect, it } from 'vitest';
import type { PlaylistItem } from '../../contract/screens.ts';
import { playlistPlace } from '../../main/display-content/playlist-place.ts';

const items: PlaylistItem[] = [
  { kind: 'photo', itemId: null, durationS: 600 },
  { kind: 'screen', itemId: 4, durationS: 60 },
  { kind: 'mashup', itemId: 2, durationS: 120 },
];
const t0 = new Date('2026-12-07T08:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('playlistPlace', () => {
  it('starts at the first item and stays while its time lasts', () => {
    const first = playlistPlace(items, { position: null, since: null }, t0, 'keep');
    expect(first).toMatchObject({ position: 0, since: t0, dueAt: at(600), moved: true });
    expect(playlistPlace(items, { position: 0, since: t0 }, at(599), 'keep')).toMatchObject({ position: 0, moved: false });
  });

  it('moves on when the item is due, and wraps round after the last', () => {
    expect(playlistPlace(items, { position: 0, since: t0 }, at(600), 'keep')).toMatchObject({ position: 1, since: at(600), dueAt: at(660), moved: true });
    expect(playlistPlace(items, { position: 2, since: t0 }, at(120), 'keep')).toMatchObject({ position: 0, item: items[0] });
  });

  it('steps at once with next and previous, whatever time is left', () => {
    expect(playlistPlace(items, { position: 0, since: t0 }, at(5), 'next')).toMatchObject({ position: 1, since: at(5) });
    expect(playlistPlace(items, { position: 0, since: t0 }, at(5), 'previous')).toMatchObject({ position: 2, since: at(5) });
  });

  it('starts over when the playlist got shorter than the stored place', () => {
    expect(playlistPlace(items.slice(0, 1), { position: 2, since: t0 }, at(5), 'keep')).toMatchObject({ position: 0, moved: true });
  });
});
