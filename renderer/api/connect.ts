import { ADMIN_HTTP_ROUTES, type InkstandBridge } from '../../contract/admin.ts';
import type { InkstandClient } from './client.ts';
import { createHttpClient } from './http-client.ts';
import { createIpcClient } from './ipc-client.ts';
import { takeAdminToken } from './token.ts';

declare global {
  interface Window {
    /** Present in the Electron window only (preload/). */
    inkstand?: InkstandBridge;
  }
}

/** IPC when the preload's bridge is there (Electron), HTTP with the admin token otherwise (browser). Null: no token. */
export function connect(): InkstandClient | null {
  if (window.inkstand) return createIpcClient(window.inkstand);
  const token = takeAdminToken();
  if (!token) return null;
  return createHttpClient({ baseUrl: '', token, routes: ADMIN_HTTP_ROUTES });
}
