import type { AppContext } from '../../core/app-context.ts';
import { SETTING_SCHEMAS, isSecretKey, isSettingKey } from '../../settings/keys.ts';
import { SettingError } from '../../settings/settings-store.ts';
import { CliError, printListing } from '../output.ts';

/** `inkstand settings get KEY`: the value (empty when unset); for secrets only whether one is set. */
export async function settingsGetCommand(app: AppContext, key: string, out: NodeJS.WritableStream): Promise<void> {
  if (!isSettingKey(key)) throw unknownKey(key);
  const value = await app.settings.get(key);
  if (isSecretKey(key)) out.write(value ? '(set)\n' : '(not set)\n');
  else out.write(`${value ?? ''}\n`);
}

/** `inkstand settings set KEY VALUE`: validated as the UI does; a secret is stored encrypted and never echoed. */
export async function settingsSetCommand(app: AppContext, key: string, value: string, out: NodeJS.WritableStream): Promise<void> {
  if (!isSettingKey(key)) throw unknownKey(key);
  try {
    await app.settings.set(key, value);
  } catch (err) {
    if (err instanceof SettingError) throw new CliError(err.message);
    throw err;
  }
  out.write(isSecretKey(key) ? `${key} ${value === '' ? 'removed' : 'set'}\n` : `${key} = ${value}\n`);
}

/** `inkstand settings`: every key with its value; secrets show only whether they are set. */
export async function settingsListCommand(app: AppContext, options: { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const rows = (await app.settings.list()).map((s) => ({ key: s.key, value: s.secret ? (s.isSet ? '(set)' : '(not set)') : s.value, secret: s.secret }));
  printListing(rows, Boolean(options.json), ['key', 'value'], out);
}

function unknownKey(key: string): CliError {
  return new CliError(`unknown setting "${key}"; known settings: ${Object.keys(SETTING_SCHEMAS).join(', ')}`);
}
