import { ZodError } from 'zod';
import { ADMIN_EVENTS, ADMIN_OPERATIONS, type AdminApi } from '../../contract/admin.ts';
import { describeZodError, NotFoundError, ValidationError } from '../core/errors.ts';
import type { AppEvents } from '../core/events.ts';
import type { Electron } from './electron-types.ts';
import { eventChannel, type IpcReply } from './ipc-protocol.ts';

/**
 * The admin contract over IPC: one handler per operation, answering only our own window's main
 * frame. Failures come back as `{ ok: false, error }` with the same wording the HTTP API uses.
 */
export function registerAdminIpc(ipcMain: Electron.IpcMain, api: AdminApi, isTrusted: (event: Electron.IpcMainInvokeEvent) => boolean): () => void {
  for (const name of ADMIN_OPERATIONS) {
    ipcMain.handle(name, async (event, args: unknown): Promise<IpcReply<unknown>> => {
      if (!isTrusted(event)) return { ok: false, error: { message: 'this window may not use the admin API', code: 'forbidden' } };
      try {
        return { ok: true, value: await (api[name] as (a: unknown) => Promise<unknown>)(args ?? {}) };
      } catch (err) {
        return { ok: false, error: ipcError(err) };
      }
    });
  }
  return () => ADMIN_OPERATIONS.forEach((name) => ipcMain.removeHandler(name));
}

/** Pushes the contract's events to the window (push-invalidate; the renderer pulls the data). */
export function forwardEvents(events: AppEvents, send: (channel: string, payload: unknown) => void): () => void {
  const offs = ADMIN_EVENTS.map((name) => events.on(name, (payload) => send(eventChannel(name), payload)));
  return () => offs.forEach((off) => off());
}

export function ipcError(err: unknown): { message: string; code: string } {
  if (err instanceof NotFoundError) return { message: err.message, code: 'not_found' };
  if (err instanceof ValidationError) return { message: err.message, code: 'invalid_request' };
  if (err instanceof ZodError) return { message: describeZodError(err, 'args'), code: 'invalid_request' };
  return { message: err instanceof Error ? err.message : String(err), code: 'internal' };
}
