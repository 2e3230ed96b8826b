/**
 * The one admin contract: every operation the UI and scripts can call, with its argument and result
 * types, and the events they can subscribe to. Main implements it once (main/admin/operations.ts);
 * it is reachable over Electron IPC (preload/) and over HTTP under /api/admin/
 * (main/http/admin-routes.ts). The renderer, the preload and main all import this folder.
 */
import type {
  AiProviderName, CalendarDto, DisplayDto, DisplayLogDto, DisplayTelemetryDto, FrameInstallDto, PictureSettingsDto, ExecutionDto, ExecutionLogDto, ImageDto, IntegrationKeyDto, JobDto, LocationDto, PhotoDto, PhotoFilter, PhotoPage, ProviderTestDto,
  StyleDto, SystemInfoDto, VariantDto, WeatherSummaryDto,
} from './dtos.ts';
import type { DisplayPatch, WeeklyRuleInput } from './display-schemas.ts';
import type { NodeDto } from './nodes.ts';
import type { AppEventMap } from './events.ts';
import type {
  BuiltinPluginDto, FieldValue, MashupDto, MashupInput, PlaylistDto, PlaylistInput, ScreenDto, ScreenPatch, ScreenPreviewArgs, ScreenPreviewDto,
} from './screens.ts';

export interface JobPatchInput {
  cron?: string | null;
  timeZone?: string;
  enabled?: boolean;
  params?: Record<string, unknown>;
}
export type * from './dtos.ts';
export type * from './screens.ts';
export type * from './nodes.ts';

export type { DisplayPatch, WeeklyRuleInput };

export interface PanelProfileDto {
  id: string;
  label: string;
  width: number;
  height: number;
  palette: string[];
  colorNames: string[];
  builtIn: boolean;
}

export interface PanelImagePreviewArgs {
  photoId: number;
  /** Either a display (its profile, rotation and stored settings) or a profile (upright, default settings). */
  displayId?: number;
  profileId?: string;
  rotation?: 0 | 90 | 180 | 270;
  settings?: Partial<PictureSettingsDto>;
}

export interface PanelImagePreviewDto {
  /** The panel image upright, as a PNG in the panel's measured colours, with its size. */
  image: ImageDto;
  /** The settings it was rendered with. */
  settings: PictureSettingsDto;
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
  'displays.setOverride': { args: { id: number; mode: string; minutes: number; itemId?: number }; result: DisplayDto };
  'displays.clearOverride': { args: { id: number }; result: DisplayDto };
  'displays.showMessage': { args: { id: number; text: string; minutes?: number }; result: DisplayDto };
  'displays.next': { args: { id: number }; result: DisplayDto };
  'displays.preview': { args: { id: number }; result: { version: string; mode: string; image: ImageDto } };
  'displays.delete': { args: { id: number }; result: { deleted: true } };
  'displays.logs': { args: { id: number }; result: DisplayLogDto[] };
  /** What the display reported over the last days (CPU temperature, Wi-Fi signal, battery), for its sparkline. */
  'displays.telemetry': { args: { id: number }; result: DisplayTelemetryDto };
  /** The "Add a frame" page: the install command for this server's LAN address, its QR code, the certificate fingerprint. */
  'frameProgram.installInfo': { args: Record<string, never>; result: FrameInstallDto };
  /** TRMNL devices: require the access token (one is made, and shown this once, if the display has none), or accept the MAC alone. */
  'displays.requireToken': { args: { id: number; required: boolean }; result: { display: DisplayDto; token: string | null } };
  /** TRMNL devices: ask the device to wipe its credentials (and Wi-Fi) at its next request, or take the request back. */
  'displays.resetDevice': { args: { id: number; reset: boolean }; result: DisplayDto };
  'integrations.getKey': { args: Record<string, never>; result: IntegrationKeyDto };
  'integrations.createKey': { args: Record<string, never>; result: IntegrationKeyDto };
  'integrations.revokeKey': { args: Record<string, never>; result: IntegrationKeyDto };
  /** The control key: what the read key reads, plus showing a message, overrides, next and refresh (`POST /api/displays/:id/actions`). */
  'integrations.getControlKey': { args: Record<string, never>; result: IntegrationKeyDto };
  'integrations.createControlKey': { args: Record<string, never>; result: IntegrationKeyDto };
  'integrations.revokeControlKey': { args: Record<string, never>; result: IntegrationKeyDto };
  'profiles.list': { args: Record<string, never>; result: PanelProfileDto[] };
  'profiles.saveCustom': { args: { profile: unknown }; result: PanelProfileDto };
  'pairing.get': { args: Record<string, never>; result: PairingWindowDto };
  'pairing.open': { args: { minutes?: number }; result: PairingWindowDto };
  'pairing.close': { args: Record<string, never>; result: PairingWindowDto };
  'displays.refreshAll': { args: Record<string, never>; result: { refreshed: number } };
  'displays.nextPhotoEverywhere': { args: Record<string, never>; result: { refreshed: number } };
  'displays.dashboardEverywhere': { args: { minutes?: number }; result: { refreshed: number } };
  /** A screen, mashup or playlist on every approved display for a while (the tray's "Show everywhere"). */
  'displays.showEverywhere': { args: { mode: 'screen' | 'mashup' | 'playlist'; itemId: number; minutes?: number }; result: { refreshed: number } };
  'screens.list': { args: Record<string, never>; result: ScreenDto[] };
  'screens.get': { args: { id: number }; result: ScreenDto };
  'screens.builtins': { args: Record<string, never>; result: BuiltinPluginDto[] };
  'screens.addBuiltin': { args: { builtinId: string; name?: string; values?: Record<string, FieldValue> }; result: ScreenDto };
  /** A recipe: a TRMNL export ZIP or a zipped folder / trmnlp project, as base64. Over HTTP the body may be up to 8 MB. */
  'screens.import': { args: { fileName: string; dataBase64: string; name?: string; values?: Record<string, FieldValue> }; result: ScreenDto };
  'screens.update': { args: { id: number; patch: ScreenPatch }; result: ScreenDto };
  /** Fetches its data now; a failure is on the screen's entry (`lastError`) and the old data stays. */
  'screens.refresh': { args: { id: number }; result: ScreenDto };
  'screens.delete': { args: { id: number }; result: { deleted: true } };
  'screens.export': { args: { id: number }; result: { fileName: string; dataBase64: string } };
  /** A screen (in a view) or a mashup on any panel, at any moment; nothing is stored. */
  'screens.preview': { args: ScreenPreviewArgs; result: ScreenPreviewDto };
  'mashups.list': { args: Record<string, never>; result: MashupDto[] };
  'mashups.create': { args: { mashup: MashupInput }; result: MashupDto };
  'mashups.update': { args: { id: number; mashup: MashupInput }; result: MashupDto };
  'mashups.delete': { args: { id: number }; result: { deleted: true } };
  'playlists.list': { args: Record<string, never>; result: PlaylistDto[] };
  'playlists.create': { args: { playlist: PlaylistInput }; result: PlaylistDto };
  'playlists.update': { args: { id: number; playlist: PlaylistInput }; result: PlaylistDto };
  'playlists.delete': { args: { id: number }; result: { deleted: true } };
  'settings.list': { args: Record<string, never>; result: SettingDto[] };
  'settings.set': { args: { key: string; value: string }; result: SettingDto[] };
  'jobs.list': { args: Record<string, never>; result: JobDto[] };
  'jobs.run': { args: { name: string; params?: Record<string, unknown> }; result: ExecutionDto };
  'jobs.update': { args: { name: string; patch: JobPatchInput }; result: JobDto };
  'jobs.executions': { args: { name?: string }; result: ExecutionDto[] };
  'jobs.logs': { args: { executionId: number; afterSeq?: number }; result: ExecutionLogDto[] };
  'photos.list': { args: PhotoFilter; result: PhotoPage };
  /** Over HTTP: multipart/form-data with one file field `photo` (http/upload-routes.ts). */
  'photos.upload': { args: { name: string; data: Uint8Array }; result: { photo: PhotoDto; duplicate: boolean } };
  'photos.update': { args: { id: number; favourite?: boolean; hidden?: boolean }; result: PhotoDto };
  'photos.delete': { args: { id: number }; result: { deleted: true } };
  'photos.thumbnail': { args: { id: number }; result: ImageDto };
  'variants.list': { args: { photoId: number }; result: VariantDto[] };
  'variants.thumbnail': { args: { id: number }; result: ImageDto };
  'variants.update': { args: { id: number; favourite: boolean }; result: VariantDto };
  'styles.list': { args: Record<string, never>; result: StyleDto[] };
  'styles.update': { args: { name: string; enabled?: boolean; score?: number | null }; result: StyleDto[] };
  'weather.searchLocations': { args: { query: string }; result: LocationDto[] };
  'weather.current': { args: Record<string, never>; result: WeatherSummaryDto | null };
  'calendars.list': { args: Record<string, never>; result: CalendarDto[] };
  'calendars.add': { args: { name: string; url: string; color?: string }; result: CalendarDto };
  'calendars.update': { args: { id: number; enabled?: boolean; color?: string; name?: string }; result: CalendarDto };
  'calendars.remove': { args: { id: number }; result: { deleted: true } };
  'dashboard.preview': { args: { displayId: number }; result: ImageDto };
  /** A photo as a display (or a panel profile) would show it, with picture settings tried on top; nothing is stored. */
  'panelImages.preview': { args: PanelImagePreviewArgs; result: PanelImagePreviewDto };
  'providers.test': { args: { provider: AiProviderName }; result: ProviderTestDto };
  'system.info': { args: Record<string, never>; result: SystemInfoDto };
  /** The nodes serving this database: alive ones, and gone ones until they are pruned a day later. */
  'nodes.list': { args: Record<string, never>; result: NodeDto[] };
}

export type AdminOperationName = keyof AdminOperations;
export type AdminArgs<K extends AdminOperationName> = AdminOperations[K]['args'];
export type AdminResult<K extends AdminOperationName> = AdminOperations[K]['result'];

export type AdminApi = { [K in AdminOperationName]: (args: AdminArgs<K>) => Promise<AdminResult<K>> };

export const ADMIN_EVENTS = ['displays-changed', 'panel-image-changed', 'pairing-request', 'job-log', 'execution-changed', 'photos-changed', 'content-changed', 'screens-changed'] as const satisfies readonly (keyof AppEventMap)[];
export type AdminEventName = (typeof ADMIN_EVENTS)[number];
export type AdminEventPayload<E extends AdminEventName> = AppEventMap[E];

/** What the preload exposes as `window.inkstand`: one method per operation, and event subscriptions that return their unsubscribe. */
export type InkstandBridge = AdminApi & {
  on<E extends AdminEventName>(event: E, listener: (payload: AdminEventPayload<E>) => void): () => void;
};

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
  'displays.logs': { method: 'GET', path: '/displays/:id/logs' },
  'displays.telemetry': { method: 'GET', path: '/displays/:id/telemetry' },
  'frameProgram.installInfo': { method: 'GET', path: '/frame-program/install' },
  'displays.requireToken': { method: 'PUT', path: '/displays/:id/require-token' },
  'displays.resetDevice': { method: 'PUT', path: '/displays/:id/reset-device' },
  'integrations.getKey': { method: 'GET', path: '/integrations/key' },
  'integrations.createKey': { method: 'POST', path: '/integrations/key' },
  'integrations.revokeKey': { method: 'DELETE', path: '/integrations/key' },
  'integrations.getControlKey': { method: 'GET', path: '/integrations/control-key' },
  'integrations.createControlKey': { method: 'POST', path: '/integrations/control-key' },
  'integrations.revokeControlKey': { method: 'DELETE', path: '/integrations/control-key' },
  'profiles.list': { method: 'GET', path: '/profiles' },
  'profiles.saveCustom': { method: 'POST', path: '/profiles' },
  'pairing.get': { method: 'GET', path: '/pairing' },
  'pairing.open': { method: 'POST', path: '/pairing/open' },
  'pairing.close': { method: 'POST', path: '/pairing/close' },
  'displays.refreshAll': { method: 'POST', path: '/displays/refresh-all' },
  'displays.nextPhotoEverywhere': { method: 'POST', path: '/displays/next-photo-everywhere' },
  'displays.dashboardEverywhere': { method: 'POST', path: '/displays/dashboard-everywhere' },
  'displays.showEverywhere': { method: 'POST', path: '/displays/show-everywhere' },
  'screens.list': { method: 'GET', path: '/screens' },
  'screens.get': { method: 'GET', path: '/screens/:id' },
  'screens.builtins': { method: 'GET', path: '/screen-plugins' },
  'screens.addBuiltin': { method: 'POST', path: '/screen-plugins/:builtinId' },
  'screens.import': { method: 'POST', path: '/screens/import' },
  'screens.update': { method: 'PATCH', path: '/screens/:id' },
  'screens.refresh': { method: 'POST', path: '/screens/:id/refresh' },
  'screens.delete': { method: 'DELETE', path: '/screens/:id' },
  'screens.export': { method: 'GET', path: '/screens/:id/export' },
  'screens.preview': { method: 'POST', path: '/screens/preview' },
  'mashups.list': { method: 'GET', path: '/mashups' },
  'mashups.create': { method: 'POST', path: '/mashups' },
  'mashups.update': { method: 'PUT', path: '/mashups/:id' },
  'mashups.delete': { method: 'DELETE', path: '/mashups/:id' },
  'playlists.list': { method: 'GET', path: '/playlists' },
  'playlists.create': { method: 'POST', path: '/playlists' },
  'playlists.update': { method: 'PUT', path: '/playlists/:id' },
  'playlists.delete': { method: 'DELETE', path: '/playlists/:id' },
  'settings.list': { method: 'GET', path: '/settings' },
  'settings.set': { method: 'PUT', path: '/settings/:key' },
  'jobs.list': { method: 'GET', path: '/jobs' },
  'jobs.run': { method: 'POST', path: '/jobs/:name/run' },
  'jobs.update': { method: 'PATCH', path: '/jobs/:name' },
  'jobs.executions': { method: 'GET', path: '/executions' },
  'jobs.logs': { method: 'GET', path: '/executions/:executionId/logs' },
  'photos.list': { method: 'GET', path: '/photos' },
  'photos.upload': { method: 'POST', path: '/photos' },
  'photos.update': { method: 'PATCH', path: '/photos/:id' },
  'photos.delete': { method: 'DELETE', path: '/photos/:id' },
  'photos.thumbnail': { method: 'GET', path: '/photos/:id/thumbnail' },
  'variants.list': { method: 'GET', path: '/photos/:photoId/variants' },
  'variants.thumbnail': { method: 'GET', path: '/variants/:id/thumbnail' },
  'variants.update': { method: 'PATCH', path: '/variants/:id' },
  'styles.list': { method: 'GET', path: '/styles' },
  'styles.update': { method: 'PATCH', path: '/styles/:name' },
  'weather.searchLocations': { method: 'GET', path: '/weather/locations' },
  'weather.current': { method: 'GET', path: '/weather' },
  'calendars.list': { method: 'GET', path: '/calendars' },
  'calendars.add': { method: 'POST', path: '/calendars' },
  'calendars.update': { method: 'PATCH', path: '/calendars/:id' },
  'calendars.remove': { method: 'DELETE', path: '/calendars/:id' },
  'dashboard.preview': { method: 'GET', path: '/dashboard/preview/:displayId' },
  'panelImages.preview': { method: 'POST', path: '/panel-images/preview' },
  'providers.test': { method: 'POST', path: '/providers/:provider/test' },
  'system.info': { method: 'GET', path: '/system' },
  'nodes.list': { method: 'GET', path: '/nodes' },
};

/** Every operation name, in contract order (IPC registers one handler each; the preload one method each). */
export const ADMIN_OPERATIONS = Object.keys(ADMIN_HTTP_ROUTES) as AdminOperationName[];
