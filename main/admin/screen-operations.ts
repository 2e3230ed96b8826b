import { z } from 'zod';
import type { AdminApi } from '../../contract/admin.ts';
import { SCREEN_VIEWS, fieldValuesSchema, screenPatchSchema } from '../../contract/screens.ts';
import type { ProfileStore } from '../panel-images/profile-store.ts';
import type { PanelProfile } from '../imaging/profiles.ts';
import { listBuiltins } from '../screens/builtin-plugins.ts';
import { toScreenDto } from '../screens/screen-dto.ts';
import type { Screen } from '../screens/screen-store.ts';
import type { ScreensFeature } from '../screens/screens-feature.ts';
import { screenErrors } from './screen-errors.ts';

const id = z.coerce.number().int().positive();
/** Recipe ZIPs are small; 6 MB of ZIP is 8 MB of base64, the HTTP body limit of this operation. */
const MAX_RECIPE_BASE64 = 8 * 1024 * 1024;

export interface ScreenOperationDeps {
  screens: ScreensFeature;
  profiles: Pick<ProfileStore, 'get'>;
  /** This server's HTTP base on the LAN, for webhook URLs. */
  lanBase: () => string;
}

type ScreenOperationNames = 'screens.list' | 'screens.get' | 'screens.builtins' | 'screens.addBuiltin' | 'screens.import' | 'screens.update' | 'screens.refresh' | 'screens.delete' | 'screens.export' | 'screens.preview';

/** Screens in the admin contract: add (built-in or import), change, refresh, preview, export, remove. */
export function screenOperations({ screens, profiles, lanBase }: ScreenOperationDeps): Pick<AdminApi, ScreenOperationNames> {
  const dto = async (screen: Screen) => toScreenDto(screen, await screens.library.recipe(screen).catch(() => null), await screens.drawing.drawnBy(screen), lanBase());
  const profile = async (profileId: string): Promise<PanelProfile> => {
    const found = await profiles.get(profileId).catch(() => null);
    if (!found) throw new screenErrors.Validation(`profileId: unknown panel profile "${profileId}"`);
    return found;
  };

  return screenErrors.wrap({
    async 'screens.list'() {
      return Promise.all((await screens.store.list()).map(dto));
    },
    async 'screens.get'(args) {
      return dto(await screens.store.get(id.parse(args.id)));
    },
    async 'screens.builtins'() {
      return listBuiltins();
    },
    async 'screens.addBuiltin'(args) {
      const values = fieldValuesSchema.optional().parse(args.values);
      return dto(await screens.library.addBuiltin(z.string().max(64).parse(args.builtinId), { name: args.name, values }));
    },
    async 'screens.import'(args) {
      const { dataBase64, name, values } = z.object({
        fileName: z.string().max(255),
        dataBase64: z.string().min(1).max(MAX_RECIPE_BASE64),
        name: z.string().max(100).optional(),
        values: fieldValuesSchema.optional(),
      }).parse(args);
      return dto(await screens.library.importRecipe(Buffer.from(dataBase64, 'base64'), { name, values }));
    },
    async 'screens.update'(args) {
      return dto(await screens.library.update(id.parse(args.id), screenPatchSchema.parse(args.patch)));
    },
    async 'screens.refresh'(args) {
      return dto((await screens.data.refresh(id.parse(args.id))).screen);
    },
    async 'screens.delete'(args) {
      await screens.library.delete(id.parse(args.id));
      return { deleted: true as const };
    },
    async 'screens.export'(args) {
      const screenId = id.parse(args.id);
      const screen = await screens.store.get(screenId);
      const zip = await screens.library.exportZip(screenId);
      return { fileName: `${screen.name.replace(/[^\w.-]+/g, '_') || 'screen'}.zip`, dataBase64: zip.toString('base64') };
    },
    async 'screens.preview'(args) {
      const valid = z.object({
        screenId: id.optional(),
        mashupId: id.optional(),
        profileId: z.string().min(1).max(64),
        view: z.enum(SCREEN_VIEWS).optional(),
        at: z.iso.datetime({ offset: true }).optional(),
      }).refine((a) => (a.screenId === undefined) !== (a.mashupId === undefined), 'give either screenId or mashupId').parse(args);
      const panel = await profile(valid.profileId);
      const subject = valid.screenId !== undefined ? { kind: 'screen' as const, id: valid.screenId, view: valid.view } : { kind: 'mashup' as const, id: valid.mashupId! };
      const page = await screens.drawing.draw(subject, { target: { profile: panel, rotation: 0 }, at: valid.at ? new Date(valid.at) : new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      return { mime: 'image/png' as const, dataBase64: page.png.toString('base64'), width: panel.width, height: panel.height, drawnBy: page.drawnBy };
    },
  });
}
