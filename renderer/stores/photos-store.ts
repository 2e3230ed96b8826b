import { create } from 'zustand';
import type { PhotoDto, PhotoFilter } from '../../contract/admin.ts';
import { client } from '../api/client.ts';
import { coalesced } from '../lib/coalesce.ts';
import { dataUrl } from '../lib/data-url.ts';
import { limiter } from '../lib/limit.ts';
import { attempt } from './server-errors.ts';
import { useToasts } from './toast-store.ts';

interface PhotosState {
  photos: PhotoDto[];
  total: number;
  loaded: boolean;
  filter: PhotoFilter;
  /** photo id → data: URL of its thumbnail. */
  thumbs: Record<number, string>;
  load(): Promise<void>;
  setFilter(change: Partial<PhotoFilter>): Promise<void>;
  loadThumb(id: number): Promise<void>;
  setFavourite(id: number, favourite: boolean): Promise<void>;
  setHidden(id: number, hidden: boolean): Promise<void>;
  remove(id: number): Promise<void>;
}

const PAGE = 500;
const thumbFetches = limiter(6);
const requested = new Set<number>();

export const usePhotos = create<PhotosState>()((set, get) => {
  const replace = (photo: PhotoDto | undefined) => {
    if (photo) set((s) => ({ photos: s.photos.map((p) => (p.id === photo.id ? photo : p)) }));
  };

  return {
    photos: [],
    total: 0,
    loaded: false,
    filter: {},
    thumbs: {},

    // Every imported photo announces itself: a folder import lists once more after the list in flight, not once per photo.
    load: coalesced(async () => {
      const page = await attempt(() => client().call('photos.list', { ...get().filter, limit: PAGE }));
      if (page) set({ photos: page.photos, total: page.total, loaded: true });
    }),
    async setFilter(change) {
      set((s) => ({ filter: { ...s.filter, ...change } }));
      await get().load();
    },
    async loadThumb(id) {
      if (requested.has(id)) return;
      requested.add(id);
      const image = await thumbFetches(() => attempt(() => client().call('photos.thumbnail', { id })));
      if (image) set((s) => ({ thumbs: { ...s.thumbs, [id]: dataUrl(image.mime, image.dataBase64) } }));
      else requested.delete(id);
    },
    async setFavourite(id, favourite) {
      replace(await attempt(() => client().call('photos.update', { id, favourite })));
    },
    async setHidden(id, hidden) {
      replace(await attempt(() => client().call('photos.update', { id, hidden })));
      if (hidden && !get().filter.includeHidden) {
        set((s) => ({ photos: s.photos.filter((p) => p.id !== id), total: s.total - 1 }));
        useToasts.getState().show('Hidden from displays. “Show hidden” lists it again.');
      }
    },
    async remove(id) {
      if (await attempt(() => client().call('photos.delete', { id }))) {
        set((s) => ({ photos: s.photos.filter((p) => p.id !== id), total: s.total - 1 }));
      }
    },
  };
});
