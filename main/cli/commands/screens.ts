import fs from 'node:fs';
import path from 'node:path';
import { SCREEN_VIEWS, type ScreenView } from '../../../contract/screens.ts';
import { writeFileAtomic } from '../../core/atomic-file.ts';
import type { Core } from '../../create-core.ts';
import { ScreenInputError } from '../../screens/errors.ts';
import { toScreenDto } from '../../screens/screen-dto.ts';
import { ScreenNotFoundError, type Screen } from '../../screens/screen-store.ts';
import { lanHttpBase } from '../../screens/webhook-url.ts';
import { CliError, printListing } from '../output.ts';

type Screens = Core['screens'];

/** A screen as `--json` prints it: the admin contract's screen, with `webhook_url` as DESIGN.md names it. */
async function screenJson(screens: Screens, screen: Screen) {
  const dto = toScreenDto(screen, await screens.library.recipe(screen).catch(() => null), await screens.drawing.drawnBy(screen), lanHttpBase(null));
  return { ...dto, webhook_url: dto.webhookUrl };
}

/** The screens feature's user errors as the CLI's (one line, exit code 1). */
async function asCliErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ScreenInputError || err instanceof ScreenNotFoundError) throw new CliError(err.message);
    throw err;
  }
}

function screenId(text: string): number {
  if (!/^\d+$/.test(text)) throw new CliError(`"${text}" is not a screen id; see \`inkstand screens\``);
  return Number(text);
}

/** `inkstand screens [--json]` */
export async function screensListCommand(screens: Screens, options: { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const rows = await Promise.all((await screens.store.list()).map((s) => screenJson(screens, s)));
  if (options.json) return printListing(rows, true, [], out);
  printListing(rows.map((r) => ({ ...r, drawn: r.drawnBy.engine })), false, ['id', 'name', 'strategy', 'refreshMinutes', 'lastFetchedAt', 'lastError', 'drawn', 'webhook_url'], out);
}

/** `inkstand screens import PATH|ZIP [--name NAME] [--field KEY=VALUE …] [--json]`: prints the new screen's id. */
export async function screensImportCommand(screens: Screens, source: string, options: { name?: string; field?: string[]; json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const stat = await fs.promises.stat(source).catch(() => null);
  if (!stat) throw new CliError(`${source}: no such file or folder`);
  const input = stat.isDirectory() ? path.resolve(source) : await fs.promises.readFile(source);
  const screen = await asCliErrors(() => screens.library.importRecipe(input, { name: options.name, words: options.field ?? [] }));
  if (options.json) out.write(JSON.stringify(await screenJson(screens, screen), null, 2) + '\n');
  else out.write(`${screen.id}\n`);
}

/** `inkstand screens set ID KEY=VALUE …` (custom fields, `polling_url`, `refresh` in minutes, `name`) */
export async function screensSetCommand(screens: Screens, id: string, words: string[], out: NodeJS.WritableStream): Promise<void> {
  if (words.length === 0) throw new CliError('give at least one KEY=VALUE');
  const screen = await asCliErrors(() => screens.library.updateFromWords(screenId(id), words));
  out.write(`screen ${screen.id} "${screen.name}" updated\n`);
}

/** `inkstand screens refresh ID`: fetches its data now; a failure exits 1 with the error (the old data stays). */
export async function screensRefreshCommand(screens: Screens, id: string, out: NodeJS.WritableStream): Promise<void> {
  const { screen, error } = await asCliErrors(() => screens.data.refresh(screenId(id)));
  if (error) throw new CliError(`screen ${screen.id} could not fetch its data (the last good data stays): ${error}`);
  if (screen.strategy === 'webhook') out.write(`screen ${screen.id} takes its data by webhook: nothing to fetch\n`);
  else out.write(`screen ${screen.id} "${screen.name}" fetched at ${screen.dataFetchedAt?.toISOString()}\n`);
}

/** `inkstand screens render ID --profile P [--layout L] [--at ISO] --out FILE.png`: the panel-ready PNG. */
export async function screensRenderCommand(core: Pick<Core, 'screens' | 'profiles'>, id: string, options: { profile: string; layout?: string; at?: string; out: string }, out: NodeJS.WritableStream): Promise<void> {
  const profile = await core.profiles.get(options.profile).catch(() => null);
  if (!profile) throw new CliError(`unknown panel profile "${options.profile}"`);
  const layout = options.layout ?? 'full';
  if (!(SCREEN_VIEWS as readonly string[]).includes(layout)) throw new CliError(`--layout takes ${SCREEN_VIEWS.join(', ')}`);
  const at = options.at === undefined ? new Date() : new Date(options.at);
  if (Number.isNaN(at.getTime()) || (options.at !== undefined && !/\d{4}-\d{2}-\d{2}T/.test(options.at))) throw new CliError(`--at takes an ISO instant such as 2026-12-08T07:30:00+01:00, not "${options.at}"`);
  const page = await asCliErrors(() => core.screens.drawing.draw(
    { kind: 'screen', id: screenId(id), view: layout as ScreenView },
    { target: { profile, rotation: 0 }, at, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
  ));
  await writeFileAtomic(path.resolve(options.out), page.png);
  const screen = await core.screens.store.get(screenId(id));
  if (screen.lastError) process.stderr.write(`inkstand: screen ${screen.id}: ${screen.lastError}\n`);
  out.write(`${options.out}: ${profile.width}×${profile.height} ${profile.id}, ${page.drawnBy.reason}\n`);
}

/** `inkstand screens export ID --out FILE.zip`: the recipe as a TRMNL export ZIP, the screen's values as its defaults. */
export async function screensExportCommand(screens: Screens, id: string, options: { out: string }, out: NodeJS.WritableStream): Promise<void> {
  const zip = await asCliErrors(() => screens.library.exportZip(screenId(id)));
  await writeFileAtomic(path.resolve(options.out), zip);
  out.write(`${options.out}: ${zip.length} bytes\n`);
}
