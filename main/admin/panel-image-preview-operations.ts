import { z } from 'zod';
import type { AdminApi } from '../../contract/admin.ts';
import type { Core } from '../create-core.ts';
import { readPictureSettings, storedPictureSettings, type PictureSettings } from '../imaging/picture-settings.ts';
import { ImageInputError } from '../imaging/errors.ts';
import { runImageTask } from '../imaging/pool.ts';
import type { PanelProfile } from '../imaging/profiles.ts';
import { logicalSize, type Rotation } from '../imaging/rotate.ts';
import { absoluteLibraryPath } from '../library/paths.ts';
import { DisplayEntity } from '../storage/entities/display.ts';
import { PhotoEntity } from '../storage/entities/photo.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { pictureSettingsSchema } from './picture-settings-schema.ts';

const previewArgs = z.object({
  photoId: z.coerce.number().int().positive(),
  displayId: z.coerce.number().int().positive().optional(),
  profileId: z.string().min(1).max(64).optional(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
  settings: pictureSettingsSchema.optional(),
}).refine((a) => (a.displayId === undefined) !== (a.profileId === undefined), 'give either displayId or profileId');

/**
 * What a photo would look like on a display (its panel, rotation and picture settings, with the
 * given settings tried on top) or on any panel profile: the real panel image, rendered as a panel image gets
 * it, in the panel's measured colours, upright as it hangs. Nothing is stored.
 */
export function panelImagePreviewOperations(core: Core): Pick<AdminApi, 'panelImages.preview'> {
  const photos = core.db.getRepository(PhotoEntity);
  const displays = core.db.getRepository(DisplayEntity);

  const target = async (args: z.infer<typeof previewArgs>): Promise<{ profile: PanelProfile; rotation: Rotation; settings: PictureSettings }> => {
    if (args.displayId !== undefined) {
      const display = await displays.findOneBy({ id: args.displayId });
      if (!display) throw new NotFoundError(`no display with id ${args.displayId}`);
      return { profile: await core.profiles.get(display.profileId), rotation: display.rotation as Rotation, settings: storedPictureSettings(display.pictureSettings) };
    }
    const profile = await core.profiles.get(args.profileId!).catch(() => undefined);
    if (!profile) throw new ValidationError(`profileId: unknown panel profile "${args.profileId}"`);
    return { profile, rotation: args.rotation ?? 0, settings: readPictureSettings({}) };
  };

  return {
    async 'panelImages.preview'(raw) {
      const parsed = previewArgs.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ValidationError(`${issue.path.join('.') || 'preview'}: ${issue.message}`);
      }
      const args = parsed.data;
      const photo = await photos.findOneBy({ id: args.photoId });
      if (!photo) throw new NotFoundError(`no photo with id ${args.photoId}`);
      const { profile, rotation, settings } = await target(args);
      // Composed upright, at the size the viewer sees (the device file is turned into the panel's native order).
      const upright = { ...profile, ...logicalSize(profile.width, profile.height, rotation) };
      const tried = { ...settings, ...args.settings } as PictureSettings;
      try {
        const frame = await runImageTask('renderPanelImage', absoluteLibraryPath(core.app.dataDir, photo.originalPath), { profile: upright, rotation: 0, settings: tried });
        return { mime: 'image/png', dataBase64: frame.data.toString('base64'), width: frame.width, height: frame.height, settings: tried };
      } catch (err) {
        if (err instanceof ImageInputError) throw new ValidationError(`photo ${photo.id}: ${err.message}`);
        throw err;
      }
    },
  };
}
