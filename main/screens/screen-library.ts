import fs from 'node:fs';
import path from 'node:path';
import type { FieldValue, ScreenPatch } from '../../contract/screens.ts';
import { builtinFields, builtinFolder, builtinSettings, isBuiltin } from './builtin-plugins.ts';
import { ScreenInputError, ScreenInUseError } from './errors.ts';
import { valuesFromWords } from './field-values.ts';
import type { MashupStore } from './mashup-store.ts';
import type { PlaylistStore } from './playlist-store.ts';
import type { RecipeSummary, ScreenRecipes } from './recipe-port.ts';
import { ScreenStore, type Screen } from './screen-store.ts';

export interface ImportOptions {
  name?: string;
  /** Values as typed values (the UI) … */
  values?: Record<string, FieldValue>;
  /** … or as KEY=VALUE words (the CLI). */
  words?: string[];
}

/** Where else a screen or mashup is named (displays' modes); wired by the composition root. */
export type UsageLookup = (kind: 'screen' | 'mashup' | 'playlist', id: number) => Promise<string[]>;

/**
 * Adding, changing, exporting and removing screens. Each screen's recipe lives in its own folder,
 * `screens/<uuid>/` in the data dir; an import is unpacked into a fresh folder beside it and only
 * renamed into place once the recipe checked out, so a bad recipe leaves nothing behind.
 */
export class ScreenLibrary {
  private readonly summaries = new Map<string, RecipeSummary>();

  constructor(
    private readonly dataDir: string,
    private readonly store: ScreenStore,
    private readonly mashups: MashupStore,
    private readonly playlists: PlaylistStore,
    private readonly recipes: ScreenRecipes,
    private readonly usage: UsageLookup = async () => [],
  ) {}

  folder(screen: Pick<Screen, 'uuid'>): string {
    return path.join(this.dataDir, 'screens', screen.uuid);
  }

  /** The recipe of a screen, read once per process (a screen's folder never changes after import). */
  async recipe(screen: Pick<Screen, 'uuid' | 'builtinId'>): Promise<RecipeSummary> {
    let summary = this.summaries.get(screen.uuid);
    if (!summary) {
      summary = withBuiltinFields(await this.recipes.load(this.folder(screen)), screen.builtinId);
      this.summaries.set(screen.uuid, summary);
    }
    return summary;
  }

  async importRecipe(source: string | Buffer, options: ImportOptions = {}): Promise<Screen> {
    return this.add(source, null, options);
  }

  async addBuiltin(builtinId: string, options: ImportOptions = {}): Promise<Screen> {
    const folder = builtinFolder(builtinId);
    if (!folder) throw new ScreenInputError(`no built-in plugin "${builtinId}"`);
    return this.add(folder, builtinId, options);
  }

  async update(id: number, patch: ScreenPatch): Promise<Screen> {
    const screen = await this.store.get(id);
    if (patch.fieldValues) {
      const merged: Record<string, FieldValue> = { ...screen.fieldValues };
      for (const [key, value] of Object.entries(patch.fieldValues)) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
      await this.checkValues(screen, this.folder(screen), merged);
    }
    if (patch.pollingUrl && (await this.recipe(screen)).strategy !== 'polling') throw new ScreenInputError('only polling screens have a polling URL');
    return this.store.update(id, patch);
  }

  /** `KEY=VALUE` words: `name`, `refresh` (minutes), `polling_url`, and the recipe's custom fields. */
  async updateFromWords(id: number, words: string[]): Promise<Screen> {
    const screen = await this.store.get(id);
    const { fields } = await this.recipe(screen);
    const patch: ScreenPatch = {};
    const fieldWords: string[] = [];
    for (const word of words) {
      const [key, value] = [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)];
      if (key === 'name') patch.name = value;
      else if (key === 'refresh' || key === 'refresh_interval') patch.refreshMinutes = refreshMinutes(value);
      else if (key === 'polling_url') patch.pollingUrl = value === '' ? null : value;
      else fieldWords.push(word);
    }
    if (fieldWords.length > 0) patch.fieldValues = valuesFromWords(fields, fieldWords);
    return this.update(id, patch);
  }

  async exportZip(id: number): Promise<Buffer> {
    const screen = await this.store.get(id);
    return this.recipes.exportZip(this.folder(screen), screen.fieldValues);
  }

  /** Removes a screen and its folder; refused while a mashup, a playlist or a display names it. */
  async delete(id: number): Promise<void> {
    const screen = await this.store.get(id);
    const users = [
      ...(await this.mashups.list()).filter((m) => m.screenIds.includes(id)).map((m) => `mashup "${m.name}"`),
      ...(await this.playlists.list()).filter((p) => p.items.some((i) => i.kind === 'screen' && i.itemId === id)).map((p) => `playlist "${p.name}"`),
      ...(await this.usage('screen', id)),
    ];
    if (users.length > 0) throw new ScreenInUseError(`screen ${id} is used by ${users.join(', ')}`);
    await this.store.delete(id);
    this.summaries.delete(screen.uuid);
    await fs.promises.rm(this.folder(screen), { recursive: true, force: true });
  }

  private async add(source: string | Buffer, builtinId: string | null, options: ImportOptions): Promise<Screen> {
    const uuid = ScreenStore.newUuid();
    const root = path.join(this.dataDir, 'screens');
    await fs.promises.mkdir(root, { recursive: true });
    const incoming = await fs.promises.mkdtemp(path.join(root, '.incoming-'));
    try {
      const imported = await this.recipes.importInto(source, incoming);
      const recipe = withBuiltinFields(imported.recipe, builtinId);
      const given = options.words ? valuesFromWords(recipe.fields, options.words) : options.values ?? {};
      const fieldValues = { ...imported.values, ...given };
      // A built-in added without settings is filled in afterwards (its entry says what it lacks until then).
      if (!isBuiltin(builtinId) || Object.keys(fieldValues).length > 0) await this.checkValues({ builtinId }, incoming, fieldValues);
      await fs.promises.rename(incoming, path.join(root, uuid));
      this.summaries.set(uuid, recipe);
      return await this.store.create({
        uuid,
        name: options.name?.trim() || recipe.name,
        builtinId,
        strategy: recipe.strategy,
        refreshMinutes: recipe.refreshMinutes,
        fieldValues,
      });
    } catch (err) {
      await fs.promises.rm(incoming, { recursive: true, force: true });
      await fs.promises.rm(path.join(root, uuid), { recursive: true, force: true });
      throw err;
    }
  }

  /** Built-ins take settings their loader checks; recipes take custom fields the recipe machinery checks. */
  private async checkValues(screen: Pick<Screen, 'builtinId'>, dir: string, values: Record<string, FieldValue>): Promise<void> {
    if (isBuiltin(screen.builtinId)) builtinSettings(screen.builtinId, values);
    else await this.recipes.resolveValues(dir, values);
  }
}

function withBuiltinFields(summary: RecipeSummary, builtinId: string | null): RecipeSummary {
  return isBuiltin(builtinId) ? { ...summary, fields: builtinFields(builtinId) } : summary;
}

function refreshMinutes(text: string): number {
  const minutes = Number(text);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) throw new ScreenInputError(`refresh takes whole minutes from 1 to 1440, not "${text}"`);
  return minutes;
}
