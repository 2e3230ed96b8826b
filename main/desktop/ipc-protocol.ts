/**
 * What travels between the preload and main over IPC, besides the contract itself: each operation is
 * invoked on the channel named after it, answers an envelope (so errors arrive with their message
 * intact), and events arrive on `event:<name>`. Pure data: the sandboxed preload bundles this file.
 */
import type { AdminEventName } from '../../contract/admin.ts';

export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: { message: string; code: string } };

export function eventChannel(event: AdminEventName): string {
  return `event:${event}`;
}
