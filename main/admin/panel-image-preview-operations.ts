import { z } from 'zod';
import type { AdminApi } from '../../contract/admin.ts';
import { readPictureSettings, storedPictureSettings, type PictureSettings } from '../imaging/picture-settings.ts';
import { ImageInputError } from '../imaging/errors.ts';
import { runImageTask } from '../imaging/pool.ts';
import type { PanelProfile } from '../imaging/profiles.ts';
import { logicalSize, type Rotation } from '../imaging/rotate.ts';
import { absoluteLibraryPath } from '../library/paths.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import type { PhotoStore } from '../library/photo-store.ts';
import type { ProfileStore } from '../panel-images/profile-store.ts';
import { parseInput, ValidationError } from '../core/errors.ts';
import { pictureSettingsSchema } from '../../contract/display-schemas.ts';
import { imageDto } from './image-dto.ts';

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
export interface PanelImagePreviewDeps {
  photos: Pick<PhotoStore, 'getPhoto'>;
  displays: Pick<DisplayStore, 'get'>;
  profiles: Pick<ProfileStore, 'get' | 'find'>;
  dataDir: string;
}

export function panelImagePreviewOperations(deps: PanelImagePreviewDeps): Pick<AdminApi, 'panelImages.preview'> {

  const target = async (args: z.infer<typeof previewArgs>): Promise<{ profile: PanelProfile; rotation: Rotation; settings: PictureSettings }> => {
    if (args.displayId !== undefined) {
      const display = await deps.displays.get(args.displayId);
      return { profile: await deps.profiles.get(display.profileId), rotation: display.rotation as Rotation, settings: storedPictureSettings(display.pictureSettings) };
    }
    const profile = await deps.profiles.find(args.profileId!);
    if (!profile) throw new ValidationError(`profileId: unknown panel profile "${args.profileId}"`);
    return { profile, rotation: args.rotation ?? 0, settings: readPictureSettings({}) };
  };

  return {
    async 'panelImages.preview'(raw) {
      const args = parseInput(previewArgs, raw, 'preview');
      const photo = await deps.photos.getPhoto(args.photoId);
      const { profile, rotation, settings } = await target(args);
      // Composed upright, at the size the viewer sees (the device file is turned into the panel's native order).
      const upright = { ...profile, ...logicalSize(profile.width, profile.height, rotation) };
      const tried = { ...settings, ...args.settings } as PictureSettings;
      try {
        const image = await runImageTask('renderPanelImage', absoluteLibraryPath(deps.dataDir, photo.originalPath), { profile: upright, rotation: 0, settings: tried });
        return { image: imageDto('image/png', image.data, image), settings: tried };
      } catch (err) {
        if (err instanceof ImageInputError) throw new ValidationError(`photo ${photo.id}: ${err.message}`);
        throw err;
      }
    },
  };
}
