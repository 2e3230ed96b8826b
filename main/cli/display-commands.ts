import type { AdminApi } from '../../contract/admin.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import type { Pairing } from '../displays/pairing.ts';
import type { Display } from '../storage/entities/display.ts';
import { CliError, printListing } from './output.ts';

/** What the display commands use: the admin contract, plus the lookup by any of a display's names and the pairing policy. */
export interface DisplayCommandDeps {
  admin: Pick<AdminApi, 'displays.list' | 'displays.showMessage'>;
  displays: Pick<DisplayStore, 'byRef'>;
  pairing: Pick<Pairing, 'approve' | 'revoke'>;
}

/** A display named by its numeric id, human-readable id or hardware id. */
export async function findDisplay(core: Pick<DisplayCommandDeps, 'displays'>, ref: string): Promise<Display> {
  const display = await core.displays.byRef(ref, { hardwareId: true });
  if (!display) throw new CliError(`no display "${ref}"; see \`inkstand displays\``);
  return display;
}

export async function listDisplaysCommand(core: DisplayCommandDeps, options: { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const rows = await core.admin['displays.list']({});
  printListing(rows as unknown as Record<string, unknown>[], Boolean(options.json), ['id', 'humanId', 'name', 'status', 'pairingCode', 'profileId', 'defaultMode', 'lastSeen'], out);
}

export async function approveDisplayCommand(core: DisplayCommandDeps, ref: string, out: NodeJS.WritableStream): Promise<void> {
  const display = await findDisplay(core, ref);
  await core.pairing.approve(display.id);
  out.write(display.protocol === 'trmnl'
    ? `approved ${display.humanId}; it gets its pictures from its next request (firmware devices fetch their key through /api/setup first)\n`
    : `approved ${display.humanId}; it receives its token at its next bootstrap\n`);
}

export async function revokeDisplayCommand(core: DisplayCommandDeps, ref: string, out: NodeJS.WritableStream): Promise<void> {
  const display = await findDisplay(core, ref);
  await core.pairing.revoke(display.id);
  out.write(display.protocol === 'trmnl'
    ? `revoked ${display.humanId}; its token and image URLs no longer work (a device known by its MAC alone asks to pair again)\n`
    : `revoked ${display.humanId}; its token no longer works\n`);
}

export async function messageCommand(core: DisplayCommandDeps, ref: string, text: string, minutes: string | undefined, out: NodeJS.WritableStream): Promise<void> {
  const display = await findDisplay(core, ref);
  await core.admin['displays.showMessage']({ id: display.id, text, minutes: minutes === undefined ? undefined : Number(minutes) });
  out.write(`${display.humanId} shows the message${minutes ? ` for ${minutes} minutes` : ''}\n`);
}
