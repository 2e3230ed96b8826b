import { beforeEach, describe, expect, it } from 'vitest';
import type { PhotoDto } from '../../../contract/admin.ts';
import { usePhotos } from '../../../renderer/stores/photos-store.ts';
import { useToasts } from '../../../renderer/stores/toast-store.ts';
import { refused, resetStore, useFakeClient } from '../fake-client.ts';

const photo = (id: number, change: Partial<PhotoDto> = {}) => ({ id, originalName: `p${id}.jpg`, favourite: false, hidden: false, ...change }) as PhotoDto;

describe('photos store', () => {
  beforeEach(() => {
    resetStore(usePhotos);
    resetStore(useToasts);
  });

  it('a filter change merges into the filter and lists again with it', async () => {
    const { call } = useFakeClient({ 'photos.list': () => ({ photos: [photo(1)], total: 1 }) });
    await usePhotos.getState().setFilter({ quality: 'GOOD' });
    await usePhotos.getState().setFilter({ favourite: true });
    expect(call).toHaveBeenLastCalledWith('photos.list', { quality: 'GOOD', favourite: true, limit: 500 });
    expect(usePhotos.getState()).toMatchObject({ loaded: true, total: 1, filter: { quality: 'GOOD', favourite: true } });
  });

  it('lists once more for a burst of changes during a listing, not once per change (a folder import)', async () => {
    const { call } = useFakeClient({ 'photos.list': () => ({ photos: [photo(1)], total: 1 }) });
    await Promise.all(Array.from({ length: 20 }, () => usePhotos.getState().load()));
    expect(call).toHaveBeenCalledTimes(2);
    expect(usePhotos.getState()).toMatchObject({ loaded: true, total: 1 });
  });

  it('fetches a thumbnail once; one that failed is asked for again', async () => {
    let fail = true;
    const { call } = useFakeClient({ 'photos.thumbnail': () => (fail ? refused('busy', 503) : { mime: 'image/webp', dataBase64: 'UklG' }) });
    await usePhotos.getState().loadThumb(101);
    fail = false;
    await usePhotos.getState().loadThumb(101);
    await usePhotos.getState().loadThumb(101);
    expect(call).toHaveBeenCalledTimes(2);
    expect(usePhotos.getState().thumbs[101]).toBe('data:image/webp;base64,UklG');
  });

  it('hiding a photo takes it off the list unless hidden ones are shown, and says where it went', async () => {
    usePhotos.setState({ photos: [photo(1), photo(2)], total: 2 });
    useFakeClient({ 'photos.update': ({ id, hidden }) => photo(id, { hidden }) });
    await usePhotos.getState().setHidden(1, true);
    expect([usePhotos.getState().photos.map((p) => p.id), usePhotos.getState().total]).toEqual([[2], 1]);
    expect(useToasts.getState().toasts.map((t) => t.text)).toEqual(['Hidden from displays. “Show hidden” lists it again.']);

    usePhotos.setState({ filter: { includeHidden: true } });
    await usePhotos.getState().setHidden(2, true);
    expect(usePhotos.getState().photos).toEqual([photo(2, { hidden: true })]);
  });

  it('favourite replaces the photo in place; a failed delete keeps it', async () => {
    usePhotos.setState({ photos: [photo(1), photo(2)], total: 2 });
    useFakeClient({ 'photos.update': ({ id, favourite }) => photo(id, { favourite }), 'photos.delete': () => refused('database is locked', 500) });
    await usePhotos.getState().setFavourite(2, true);
    await usePhotos.getState().remove(1);
    expect(usePhotos.getState().photos.map((p) => [p.id, p.favourite])).toEqual([[1, false], [2, true]]);
    expect(useToasts.getState().toasts.map((t) => t.text)).toEqual(['database is locked']);
  });
});
