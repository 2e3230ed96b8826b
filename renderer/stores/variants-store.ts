import { create } from 'zustand';
import type { StyleDto, VariantDto } from '../../contract/admin.ts';
import { client } from '../api/client.ts';
import { coalesced } from '../lib/coalesce.ts';
import { dataUrl } from '../lib/data-url.ts';
import { limiter } from '../lib/limit.ts';
import { attempt } from './server-errors.ts';

interface VariantsState {
  /** photo id → its variants (the plain photo is one of them). */
  byPhoto: Record<number, VariantDto[]>;
  thumbs: Record<number, string>;
  styles: StyleDto[];
  loadFor(photoId: number): Promise<void>;
  loadThumb(variantId: number): Promise<void>;
  setFavourite(variant: VariantDto, favourite: boolean): Promise<void>;
  loadStyles(): Promise<void>;
  updateStyle(name: string, change: { enabled?: boolean; score?: number | null }): Promise<void>;
}

const thumbFetches = limiter(3);

export const useVariants = create<VariantsState>()((set, get) => ({
  byPhoto: {},
  thumbs: {},
  styles: [],

  async loadFor(photoId) {
    const variants = await attempt(() => client().call('variants.list', { photoId }));
    if (variants) set((s) => ({ byPhoto: { ...s.byPhoto, [photoId]: variants } }));
  },
  async loadThumb(variantId) {
    if (get().thumbs[variantId]) return;
    const image = await thumbFetches(() => attempt(() => client().call('variants.thumbnail', { id: variantId })));
    if (image) set((s) => ({ thumbs: { ...s.thumbs, [variantId]: dataUrl(image.mime, image.dataBase64) } }));
  },
  async setFavourite(variant, favourite) {
    const updated = await attempt(() => client().call('variants.update', { id: variant.id, favourite }));
    if (!updated) return;
    set((s) => ({ byPhoto: { ...s.byPhoto, [variant.photoId]: (s.byPhoto[variant.photoId] ?? []).map((v) => (v.id === updated.id ? updated : v)) } }));
  },
  loadStyles: coalesced(async () => {
    const styles = await attempt(() => client().call('styles.list', {}));
    if (styles) set({ styles });
  }),
  async updateStyle(name, change) {
    const styles = await attempt(() => client().call('styles.update', { name, ...change }));
    if (styles) set({ styles });
  },
}));
