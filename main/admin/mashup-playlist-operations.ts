import { z } from 'zod';
import type { AdminApi } from '../../contract/admin.ts';
import { mashupInputSchema, playlistInputSchema } from '../../contract/screens.ts';
import { ScreenInputError, ScreenInUseError } from '../screens/errors.ts';
import type { UsageLookup } from '../screens/screen-library.ts';
import type { ScreensFeature } from '../screens/screens-feature.ts';
import { screenErrors } from './screen-errors.ts';

const id = z.coerce.number().int().positive();

type Names = 'mashups.list' | 'mashups.create' | 'mashups.update' | 'mashups.delete' | 'playlists.list' | 'playlists.create' | 'playlists.update' | 'playlists.delete';

/** Mashup and playlist editors in the admin contract; every screen or mashup they name must exist. */
export function mashupPlaylistOperations(screens: ScreensFeature, usage: UsageLookup = async () => []): Pick<AdminApi, Names> {
  const checkScreens = async (ids: number[]) => {
    for (const screenId of ids) if (!(await screens.store.find(screenId))) throw new ScreenInputError(`no screen with id ${screenId}`);
  };
  const checkPlaylist = async (items: z.infer<typeof playlistInputSchema>['items']) => {
    for (const item of items) {
      if (item.kind === 'screen') await checkScreens([item.itemId!]);
      if (item.kind === 'mashup' && !(await screens.mashups.find(item.itemId!))) throw new ScreenInputError(`no mashup with id ${item.itemId}`);
    }
  };
  const refuseInUse = (users: string[], what: string) => {
    if (users.length > 0) throw new ScreenInUseError(`${what} is used by ${users.join(', ')}`);
  };

  return screenErrors.wrap({
    async 'mashups.list'() {
      return screens.mashups.list();
    },
    async 'mashups.create'(args) {
      const mashup = mashupInputSchema.parse(args.mashup);
      await checkScreens(mashup.screenIds);
      return screens.mashups.create(mashup);
    },
    async 'mashups.update'(args) {
      const mashup = mashupInputSchema.parse(args.mashup);
      await checkScreens(mashup.screenIds);
      return screens.mashups.update(id.parse(args.id), mashup);
    },
    async 'mashups.delete'(args) {
      const mashupId = id.parse(args.id);
      await screens.mashups.get(mashupId);
      const inPlaylists = (await screens.playlists.list()).filter((p) => p.items.some((i) => i.kind === 'mashup' && i.itemId === mashupId)).map((p) => `playlist "${p.name}"`);
      refuseInUse([...inPlaylists, ...(await usage('mashup', mashupId))], `mashup ${mashupId}`);
      await screens.mashups.delete(mashupId);
      return { deleted: true as const };
    },
    async 'playlists.list'() {
      return screens.playlists.list();
    },
    async 'playlists.create'(args) {
      const playlist = playlistInputSchema.parse(args.playlist);
      await checkPlaylist(playlist.items);
      return screens.playlists.create(playlist);
    },
    async 'playlists.update'(args) {
      const playlist = playlistInputSchema.parse(args.playlist);
      await checkPlaylist(playlist.items);
      return screens.playlists.update(id.parse(args.id), playlist);
    },
    async 'playlists.delete'(args) {
      const playlistId = id.parse(args.id);
      await screens.playlists.get(playlistId);
      refuseInUse(await usage('playlist', playlistId), `playlist ${playlistId}`);
      await screens.playlists.delete(playlistId);
      return { deleted: true as const };
    },
  });
}
