/**
 * The one admin contract: every operation the UI and scripts can call, with its argument and result
 * types, and the events they can subscribe to. Main implements it once (operations.ts); it is
 * reachable over Electron IPC (preload/) and over HTTP under /api/admin/ (http/admin-routes.ts).
 * Import it with `import type` from the renderer.
 */
import type { DisplayDto } from '../displays/display-dto.ts';
import type { AppEventMap } from '../core/events.ts';

export type { DisplayDto };

export interface DisplayPatch {
  name?: string;
  profileId?: string;
  rotation?: 0 | 90 | 180 | 270;
  timeZone?: string;
  defaultMode?: 'photo' | 'dashboard' | 'message' | 'sleep';
  rotationIntervalS?: number;
  pollIntervalS?: number;
  quietStart?: string | null;
  quietEnd?: string | null;
  buttonMap?: Record<string, unknown>;
  frameSettings?: Record<string, unknown>;
}

export interface WeeklyRuleInput {
  weekday: number;
  startMinute: number;
  endMinute: number;
  mode: 'photo' | 'dashboard' | 'message' | 'sleep';
}

export interface PanelProfileDto {
  id: string;
  label: string;
  width: number;
  height: number;
  palette: string[];
  colorNames: string[];
  builtIn: boolean;
}

export interface PairingWindowDto {
  open: boolean;
  until: string | null;
}

export interface SettingDto {
  key: string;
  value: string | null;
  secret: boolean;
  isSet: boolean;
}

export interface AdminOperations {
  'displays.list': { args: Record<string, never>; result: DisplayDto[] };
  'displays.get': { args: { id: number }; result: DisplayDto };
  'displays.approve': { args: { id: number }; result: DisplayDto };
  'displays.revoke': { args: { id: number }; result: DisplayDto };
  'displays.update': { args: { id: number; patch: DisplayPatch }; result: DisplayDto };
  'displays.setRules': { args: { id: number; rules: WeeklyRuleInput[] }; result: DisplayDto };
  'displays.setOverride': { args: { id: number; mode: string; minutes: number }; result: DisplayDto };
  'displays.clearOverride': { args: { id: number }; result: DisplayDto };
  'displays.showMessage': { args: { id: number; text: string; minutes?: number }; result: DisplayDto };
  'displays.next': { args: { id: number }; result: DisplayDto };
  'displays.preview': { args: { id: number }; result: { version: string; mode: string; pngBase64: string } };
  'displays.delete': { args: { id: number }; result: { deleted: true } };
  'profiles.list': { args: Record<string, never>; result: PanelProfileDto[] };
  'profiles.saveCustom': { args: { profile: unknown }; result: PanelProfileDto };
  'pairing.get': { args: Record<string, never>; result: PairingWindowDto };
  'pairing.open': { args: { minutes?: number }; result: PairingWindowDto };
  'pairing.close': { args: Record<string, never>; result: PairingWindowDto };
  'screens.refreshAll': { args: Record<string, never>; result: { refreshed: number } };
  'screens.nextPhotoEverywhere': { args: Record<string, never>; result: { refreshed: number } };
  'screens.dashboardEverywhere': { args: { minutes?: number }; result: { refreshed: number } };
  'settings.list': { args: Record<string, never>; result: SettingDto[] };
  'settings.set': { args: { key: string; value: string }; result: SettingDto[] };
  'jobs.list': { args: Record<string, never>; result: unknown[] };
  'jobs.run': { args: { name: string; params?: Record<string, unknown> }; result: unknown };
  'jobs.update': { args: { name: string; patch: Record<string, unknown> }; result: unknown };
  'jobs.executions': { args: { name?: string }; result: unknown[] };
  'jobs.logs': { args: { executionId: number; afterSeq?: number }; result: unknown[] };
}

export type AdminOperationName = keyof AdminOperations;
export type AdminArgs<K extends AdminOperationName> = AdminOperations[K]['args'];
export type AdminResult<K extends AdminOperationName> = AdminOperations[K]['result'];

export type AdminApi = { [K in AdminOperationName]: (args: AdminArgs<K>) => Promise<AdminResult<K>> };

export const ADMIN_EVENTS = ['displays-changed', 'frame-changed', 'pairing-request', 'job-log', 'execution-changed', 'photos-changed'] as const satisfies readonly (keyof AppEventMap)[];
export type AdminEventName = (typeof ADMIN_EVENTS)[number];

/** How each operation is reached over HTTP under /api/admin (the IPC channel is the operation name). */
export const ADMIN_HTTP_ROUTES: { [K in AdminOperationName]: { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string } } = {
  'displays.list': { method: 'GET', path: '/displays' },
  'displays.get': { method: 'GET', path: '/displays/:id' },
  'displays.approve': { method: 'POST', path: '/displays/:id/approve' },
  'displays.revoke': { method: 'POST', path: '/displays/:id/revoke' },
  'displays.update': { method: 'PATCH', path: '/displays/:id' },
  'displays.setRules': { method: 'PUT', path: '/displays/:id/rules' },
  'displays.setOverride': { method: 'POST', path: '/displays/:id/override' },
  'displays.clearOverride': { method: 'DELETE', path: '/displays/:id/override' },
  'displays.showMessage': { method: 'POST', path: '/displays/:id/message' },
  'displays.next': { method: 'POST', path: '/displays/:id/next' },
  'displays.preview': { method: 'GET', path: '/displays/:id/preview' },
  'displays.delete': { method: 'DELETE', path: '/displays/:id' },
  'profiles.list': { method: 'GET', path: '/profiles' },
  'profiles.saveCustom': { method: 'POST', path: '/profiles' },
  'pairing.get': { method: 'GET', path: '/pairing' },
  'pairing.open': { method: 'POST', path: '/pairing/open' },
  'pairing.close': { method: 'POST', path: '/pairing/close' },
  'screens.refreshAll': { method: 'POST', path: '/screens/refresh' },
  'screens.nextPhotoEverywhere': { method: 'POST', path: '/screens/next-photo' },
  'screens.dashboardEverywhere': { method: 'POST', path: '/screens/dashboard' },
  'settings.list': { method: 'GET', path: '/settings' },
  'settings.set': { method: 'PUT', path: '/settings/:key' },
  'jobs.list': { method: 'GET', path: '/jobs' },
  'jobs.run': { method: 'POST', path: '/jobs/:name/run' },
  'jobs.update': { method: 'PATCH', path: '/jobs/:name' },
  'jobs.executions': { method: 'GET', path: '/executions' },
  'jobs.logs': { method: 'GET', path: '/executions/:executionId/logs' },
};
