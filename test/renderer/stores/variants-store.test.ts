import { beforeEach, describe, expect, it } from 'vitest';
import type { StyleDto, VariantDto } from '../../../contract/admin.ts';
import { useVariants } from '../../../renderer/stores/variants-store.ts';
import { resetStore, useFakeClient } from '../fake-client.ts';

const variant = (id: number, favourite = false) => ({ id, photoId: 7, style: id === 1 ? 'original' : 'watercolour', favourite }) as VariantDto;
const style = (name: string, enabled: boolean) => ({ name, label: name, enabled, score: 0.5 }) as StyleDto;

describe('variants store', () => {
  beforeEach(() => resetStore(useVariants));

  it('lists a photo’s variants and marks one favourite in place', async () => {
    useFakeClient({ 'variants.list': () => [variant(1), variant(2)], 'variants.update': ({ id, favourite }) => variant(id, favourite) });
    await useVariants.getState().loadFor(7);
    await useVariants.getState().setFavourite(variant(2), true);
    expect(useVariants.getState().byPhoto[7].map((v) => [v.id, v.favourite])).toEqual([[1, false], [2, true]]);
  });

  it('fetches a variant thumbnail once, as a data URL', async () => {
    const { call } = useFakeClient({ 'variants.thumbnail': () => ({ mime: 'image/jpeg', dataBase64: '/9j/' }) });
    await useVariants.getState().loadThumb(2);
    await useVariants.getState().loadThumb(2);
    expect(call).toHaveBeenCalledTimes(1);
    expect(useVariants.getState().thumbs[2]).toBe('data:image/jpeg;base64,/9j/');
  });

  it('a style change keeps the whole list the server answers', async () => {
    useFakeClient({ 'styles.list': () => [style('watercolour', true)], 'styles.update': ({ name, enabled }) => [style(name, enabled ?? true), style('sketch', true)] });
    await useVariants.getState().loadStyles();
    await useVariants.getState().updateStyle('watercolour', { enabled: false });
    expect(useVariants.getState().styles.map((s) => [s.name, s.enabled])).toEqual([['watercolour', false], ['sketch', true]]);
  });
});
