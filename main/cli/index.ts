import { Command } from 'commander';
import { approveDisplayCommand, listDisplaysCommand, messageCommand, revokeDisplayCommand } from './display-commands.ts';
import { calendarsAddCommand, calendarsListCommand, calendarsRemoveCommand, eventsCommand } from './commands/calendar.ts';
import { listJobsCommand, runJobCommand } from './commands/jobs.ts';
import { listNodesCommand } from './commands/nodes.ts';
import { photosImportCommand, photosListCommand } from './commands/photos.ts';
import { variantsListCommand } from './commands/variants.ts';
import { settingsGetCommand, settingsListCommand, settingsSetCommand } from './commands/settings.ts';
import { weatherCommand, weatherSearchCommand } from './commands/weather.ts';
import { screensExportCommand, screensImportCommand, screensListCommand, screensRefreshCommand, screensRenderCommand, screensSetCommand } from './commands/screens.ts';
import { CliError } from './output.ts';
import { addDatabaseOptions, addServeOptions, dataDirOption } from './serve-options.ts';
import { displayCommandDeps, withCore } from './with-core.ts';
import { createAdminApi } from '../admin/operations.ts';

const out = process.stdout;
const program = new Command('inkstand').description('Run the e-ink screens of a home').showHelpAfterError();

addServeOptions(program.command('serve'))
  .description('run the headless server: device API, discovery, scheduler, browser UI (SIGHUP reloads settings)')
  // Loaded for `serve` only: the HTTP stack (express and its parsers) took a sixth of every other command's start-up (0.48 → 0.40 s).
  .action(async (options) => (await import('./serve-command.ts')).serveCommand(options));

const displays = program.command('displays').description('list displays; approve or revoke one')
  .addOption(dataDirOption())
  .option('--json', 'print a JSON array')
  .action((options) => withCore(options, (core) => listDisplaysCommand(displayCommandDeps(core), options, out)));
// Subcommands read --data-dir from the parent (optsWithGlobals), wherever it stands on the line.
displays.command('approve <id>').description('approve a pending display (id, human-readable id or hardware id)')
  .action((id, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => approveDisplayCommand(displayCommandDeps(core), id, out)));
displays.command('revoke <id>').description("revoke a display's token")
  .action((id, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => revokeDisplayCommand(displayCommandDeps(core), id, out)));
displays.command('message <id> <text>').description('show a message on a display')
  .option('--minutes <n>', 'how long', '60')
  .action((id, text, _options, cmd: Command) => {
    const options = cmd.optsWithGlobals();
    return withCore(options, (core) => messageCommand(displayCommandDeps(core), id, text, options.minutes, out));
  });

const photos = program.command('photos').description('list photos with their classification')
  .addOption(dataDirOption())
  .option('--json', 'print a JSON array')
  .action((options) => withCore(options, (core) => photosListCommand(core.app, options, out)));
photos.command('import <dir>').description('import every photo in a folder (recursively); broken files are reported and skipped')
  .action((dir, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), async (core) => {
    process.exitCode = await photosImportCommand(core.app, dir, out);
  }));

program.command('variants').description('list variants with style, source photo, score and file')
  .addOption(dataDirOption())
  .option('--json', 'print a JSON array')
  .action((options) => withCore(options, (core) => variantsListCommand(core.app, options, out)));

program.command('job <name>')
  .description('run one job now, printing its log lines as they happen; exits non-zero on failure')
  .addOption(dataDirOption())
  .option('--params-json <json>', 'params as a JSON object')
  .option('--param <key=value...>', 'one param (repeatable)')
  .action((name, options) => withCore(options, async (core) => {
    process.exitCode = await runJobCommand(core.app, name, options, out);
  }));

program.command('jobs').description('list jobs with schedule, next run and last status')
  .addOption(dataDirOption())
  .option('--json', 'print a JSON array')
  .action((options) => withCore(options, (core) => listJobsCommand(core.app, options, out)));

program.command('nodes').description('list the nodes serving this database: address, version, last heartbeat, which one runs the jobs')
  .addOption(dataDirOption())
  .option('--json', 'print a JSON array')
  .action((options) => withCore(options, (core) => listNodesCommand(createAdminApi(core), options, out)));

program.command('weather').description('stored current conditions and forecast')
  .addOption(dataDirOption())
  .option('--json', 'print a JSON array')
  .action((options) => withCore(options, (core) => weatherCommand(core.app, options, out)))
  .command('search <query>').description('find a location (for weather.latitude/longitude)')
  .option('--json', 'print a JSON array')
  .action((query, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => weatherSearchCommand(core.app, query, cmd.optsWithGlobals(), out)));

program.command('events').description('stored calendar occurrences')
  .addOption(dataDirOption())
  .option('--json', 'print a JSON array')
  .option('--time-zone <tz>', 'show times in this zone')
  .action((options) => withCore(options, (core) => eventsCommand(core.app, options, out)));

const calendars = program.command('calendars').description('list calendars')
  .addOption(dataDirOption())
  .option('--json', 'print a JSON array')
  .action((options) => withCore(options, (core) => calendarsListCommand(core.app, options, out)));
calendars.command('add <name> <url>').description('add an ICS calendar')
  .option('--color <hex>', 'colour mark, e.g. #d04040')
  .action((name, url, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => calendarsAddCommand(core.app, name, url, cmd.optsWithGlobals(), out)));
calendars.command('remove <name>').description('remove a calendar and its events')
  .action((name, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => calendarsRemoveCommand(core.app, name, out)));

const settings = program.command('settings').description('list settings (secrets show only whether they are set)')
  .addOption(dataDirOption())
  .option('--json', 'print a JSON array')
  .action((options) => withCore(options, (core) => settingsListCommand(core.app, options, out)));
settings.command('get <key>').description('print one setting')
  .action((key, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => settingsGetCommand(core.app, key, out)));
settings.command('set <key> <value>').description('change one setting')
  .action((key, value, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => settingsSetCommand(core.app, key, value, out)));

const collect = (value: string, previous: string[]) => [...previous, value];
const screens = program.command('screens').description('list screens (plugin instances: built-in plugins and TRMNL recipes)')
  .addOption(dataDirOption())
  .option('--json', 'print a JSON array')
  .action((options) => withCore(options, (core) => screensListCommand(core.screens, options, out)));
screens.command('import <source>').description('add a screen from a TRMNL recipe: a folder, a trmnlp project or an export ZIP; prints its id')
  .option('--name <name>', "the screen's name (default: the recipe's)")
  .option('--field <key=value>', 'a custom field value (repeat; a multi-select takes one per chosen value)', collect, [])
  .option('--json', 'print the screen as one JSON object')
  .action((source, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => screensImportCommand(core.screens, source, cmd.optsWithGlobals(), out)));
screens.command('set <id> <pairs...>').description('change custom fields, polling_url, refresh (minutes) or name: KEY=VALUE …')
  .action((id, pairs, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => screensSetCommand(core.screens, id, pairs, out)));
screens.command('refresh <id>').description('fetch its data now')
  .action((id, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => screensRefreshCommand(core.screens, id, out)));
screens.command('render <id>').description('write the panel-ready PNG (fetching first if it has no data)')
  .requiredOption('--profile <name>', 'panel profile id')
  .option('--layout <layout>', 'full, half_horizontal, half_vertical or quadrant', 'full')
  .option('--at <instant>', 'render as if the clock showed this ISO instant')
  .requiredOption('--out <file>', 'output PNG')
  .action((id, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => screensRenderCommand(core, id, cmd.optsWithGlobals(), out)));
screens.command('export <id>').description('write the recipe as a TRMNL export ZIP')
  .requiredOption('--out <file>', 'output ZIP')
  .action((id, _options, cmd: Command) => withCore(cmd.optsWithGlobals(), (core) => screensExportCommand(core.screens, id, cmd.optsWithGlobals(), out)));

program.command('render <image>')
  .description('write the frame a display with this profile would get')
  .requiredOption('--profile <name>', 'panel profile id')
  .option('--dither <algorithm>', 'floyd-steinberg, atkinson, sierra, stucki, bayer8, blue-noise, none')
  .option('--rotation <degrees>', '0, 90, 180 or 270')
  .option('--vividness <v>', 'chroma boost 0..3 (1 = as the picture is)')
  .option('--preview', 'write an RGB PNG in the panel colours instead of the indexed frame')
  .option('--format <format>', 'png or bmp')
  .requiredOption('--out <file>', 'output file')
  .action(async (image, options) => (await import('../imaging/render-command.ts')).runRenderCommand({ image, ...options }));

program.command('admin-token')
  .description('mint an admin API token for scripts (the previous script token stops working)')
  .addOption(dataDirOption())
  .action((options) => withCore(options, async (core) => void out.write((await core.adminTokens.mint('script')) + '\n')));

program.command('integration-key')
  .description('make the read-only API key for integrations such as Home Assistant (the previous one stops working)')
  .addOption(dataDirOption())
  .option('--control', 'the control key instead: it may also show messages, set overrides, step to the next picture and refresh')
  .option('--revoke', 'remove the key instead: integrations are refused until a new one is made')
  .action((options) => withCore(options, async (core) => {
    const scope = options.control ? 'control' : 'read';
    if (options.revoke) {
      await core.integrationKeys.revoke(scope);
      out.write(`${options.control ? 'control' : 'integration'} key revoked\n`);
    } else {
      out.write((await core.integrationKeys.create(scope)).key + '\n');
    }
  }));

// Every command that opens the data dir may open a PostgreSQL database instead (serve has them already).
for (const command of program.commands) {
  if (command.name() !== 'serve' && command.options.some((option) => option.long === '--data-dir')) addDatabaseOptions(command);
}

program.parseAsync(process.argv).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`inkstand: ${message}\n`);
  if (!(err instanceof CliError) && process.env.INKSTAND_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
  process.exitCode = 1;
});
