/**
 * Plain, JSON-ready shapes the admin contract's operations take and return. Both sides import this
 * folder by design: main implements the contract, the renderer and the preload call it, and nothing
 * here imports from either side.
 */

export type DisplayMode = 'photo' | 'dashboard' | 'message' | 'pairing' | 'sleep';
export const DISPLAY_MODES: readonly DisplayMode[] = ['photo', 'dashboard', 'message', 'pairing', 'sleep'];

/**
 * What a TRMNL device does on a double press, by TRMNL's names: `identify` shows the display's id,
 * `rewind` goes back to the previous photo, `send_to_me` on to the next one.
 */
export type SpecialFunction = 'none' | 'identify' | 'rewind' | 'send_to_me';
export const SPECIAL_FUNCTIONS: readonly SpecialFunction[] = ['none', 'identify', 'rewind', 'send_to_me'];

export type DitherAlgorithm = 'floyd-steinberg' | 'atkinson' | 'sierra' | 'stucki' | 'bayer8' | 'blue-noise' | 'none';
export const DITHER_ALGORITHMS: readonly DitherAlgorithm[] = ['floyd-steinberg', 'atkinson', 'sierra', 'stucki', 'bayer8', 'blue-noise', 'none'];

/** How a display's pictures are prepared. The adjustments are factors 0–3 where 1 leaves the picture as it is. */
export interface PictureSettingsDto {
  dither: DitherAlgorithm;
  /** Chroma boost (hue and lightness kept): 0 grey, above 1 more colourful. */
  vividness?: number;
  contrast?: number;
  /** Mid-tone lightness; black and white stay. */
  brightness?: number;
}

export const QUALITY_BUCKETS = ['NOT_SUITED', 'BAD', 'PASSABLE', 'GOOD', 'VERY_GOOD'] as const;
export type QualityBucket = (typeof QUALITY_BUCKETS)[number];

export const CONTENT_TYPES = ['Portrait', 'Person', 'People', 'Animal', 'Landscape', 'City', 'Building', 'Nature', 'Art', 'Object', 'Other'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** What a frame's button does; main validates stored maps against this shape (displays/buttons.ts). */
export type ButtonAction =
  | { action: 'next' | 'previous' | 'favourite' | 'dislike' | 'schedule' | 'refresh' }
  | { action: 'override'; mode: string; minutes: number };
/** Keys are a button (`A`) or a button with a long press (`A:long`). */
export type ButtonMap = Record<string, ButtonAction>;

/** A display as the admin contract shows it: plain data, no token hash. */
export interface DisplayDto {
  id: number;
  humanId: string;
  hardwareId: string;
  name: string;
  protocol: string;
  status: string;
  pairingCode: string | null;
  profileId: string;
  rotation: number;
  timeZone: string;
  defaultMode: string;
  rotationIntervalS: number;
  pollIntervalS: number;
  quietStart: string | null;
  quietEnd: string | null;
  buttonMap: ButtonMap;
  pictureSettings: PictureSettingsDto;
  messageText: string | null;
  lastSeen: string | null;
  /** Heard from within three poll intervals (or, when its schedule let it sleep longer, that sleep plus a margin). */
  online: boolean;
  /** Send a desktop notification once per outage when it falls silent. */
  notifyOffline: boolean;
  batteryVoltage: number | null;
  /** From the voltage, as TRMNL reckons a Li-ion cell: 3.0 V empty, 4.2 V full. */
  batteryPercent: number | null;
  rssi: number | null;
  firmware: string | null;
  /** °C and seconds since boot, as an Inkstand frame reports them. */
  cpuTemperature: number | null;
  uptimeS: number | null;
  /** An Inkstand frame running an older frame program than this server hands out; null when not a frame or unknown. */
  frameProgramOutdated: boolean | null;
  /** TRMNL devices: the MAC address they identify with (upper case), else null. */
  macAddress: string | null;
  /** A TRMNL device that may be recognised by its MAC address alone, without an access token. */
  macOnlyAuth: boolean;
  /** Whether a device token exists (a TRMNL device that fetched its key, or a paired native frame). */
  hasToken: boolean;
  specialFunction: SpecialFunction;
  /** The device will be told to wipe its credentials (TRMNL `reset_firmware`) at its next request. */
  resetRequested: boolean;
  rules: { weekday: number; startMinute: number; endMinute: number; mode: string }[];
  override: { mode: string; until: string } | null;
  createdAt: string;
}

/** What a display reported over the last days, one sample per ten minutes at most, oldest first. */
export interface DisplayTelemetryDto {
  samples: { at: string; cpuTemperature: number | null; rssi: number | null; batteryVoltage: number | null }[];
}

/** One entry of a device's own log (TRMNL `POST /api/log`). */
export interface DisplayLogDto {
  id: number;
  receivedAt: string;
  /** The device's clock when it logged, if it had synced it. */
  loggedAt: string | null;
  message: string;
  source: string | null;
  details: Record<string, unknown> | null;
}

/** The read-only key integrations (Home Assistant, scripts) use for `GET /api/devices`. */
export interface IntegrationKeyDto {
  configured: boolean;
  createdAt: string | null;
  /** The key itself: only in the answer that made it, never again. */
  key?: string;
}

export type ExecutionStatus = 'queued' | 'running' | 'success' | 'skipped' | 'error' | 'interrupted';
export type ExecutionTrigger = 'schedule' | 'manual';

export interface JobDto {
  name: string;
  kind: string;
  description: string | null;
  /** false when this version has no code for the kind (the job is kept, but cannot run). */
  registered: boolean;
  cron: string | null;
  timeZone: string;
  enabled: boolean;
  params: Record<string, unknown>;
  sortOrder: number;
  nextRunAt: string | null;
  lastExecution: { id: number; status: ExecutionStatus; queuedAt: string; finishedAt: string | null } | null;
}

export interface ExecutionDto {
  id: number;
  jobName: string;
  params: Record<string, unknown>;
  status: ExecutionStatus;
  trigger: ExecutionTrigger;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  runtimeMs: number | null;
  summary: string | null;
  error: string | null;
  progress: { done: number; total: number } | null;
  owner: { host: string; pid: number } | null;
}

export interface ExecutionLogDto {
  executionId: number;
  seq: number;
  time: string;
  level: string;
  message: string;
  context: Record<string, unknown> | null;
}


/** Plain shapes the control UI's operations return (photos, styles, weather, calendars, providers, system). */

export interface PhotoDto {
  id: number;
  originalName: string;
  width: number;
  height: number;
  format: string;
  importedAt: string;
  favourite: boolean;
  hidden: boolean;
  dislikes: number;
  quality: string | null;
  contentType: string | null;
  orientation: string | null;
  peopleCount: number | null;
  description: string | null;
  classifiedAt: string | null;
  /** The styles this photo has variants in ("photo" is the plain one). */
  styles: string[];
}

export interface PhotoFilter {
  quality?: string;
  contentType?: string;
  style?: string;
  /** Only favourites. */
  favourite?: boolean;
  /** Hidden photos are left out unless asked for. */
  includeHidden?: boolean;
  limit?: number;
  offset?: number;
}

export interface PhotoPage {
  photos: PhotoDto[];
  total: number;
}

export interface VariantDto {
  id: number;
  photoId: number;
  style: string;
  provider: string;
  createdAt: string;
  favourite: boolean;
  dislikes: number;
  score: number | null;
}

/** A small picture carried inside JSON (thumbnails), so IPC and HTTP answer it the same way. */
export interface ImageDto {
  mime: string;
  dataBase64: string;
}

export interface StyleDto {
  name: string;
  label: string;
  description: string;
  contentTypes: string[];
  enabled: boolean;
  score: number;
  catalogueScore: number;
}

export interface LocationDto {
  name: string;
  /** Region and country, for telling places of the same name apart. */
  detail: string;
  latitude: number;
  longitude: number;
  timeZone: string | null;
}

export interface WeatherSummaryDto {
  locationName: string;
  fetchedAt: string;
  temperatureC: number | null;
  weatherCode: number | null;
  days: { date: string; minC: number; maxC: number; weatherCode: number; precipitationProbabilityPct: number | null }[];
}

export interface CalendarDto {
  id: number;
  name: string;
  url: string;
  color: string;
  enabled: boolean;
  lastFetchedAt: string | null;
  /** Why the last download was refused (the events from lastFetchedAt are kept); null when it was read. */
  lastError: string | null;
  /** Events the last readable download left out, each naming the event and why. */
  skipped: string[];
  /** What it read differently from how it was written: dropped lines, time zones that fell back. */
  notes: string[];
  upcomingEvents: number;
}

export type AiProviderName = 'openai' | 'ollama' | 'sd-webui';

export interface ProviderTestDto {
  ok: boolean;
  message: string;
}

export interface SystemInfoDto {
  version: string;
  serverName: string;
  dataDir: string;
  /** The listeners of the running server, or null when this process did not publish them. */
  listeners: { http: string; https: string; discovery: string | null } | null;
}

/** The "Add a frame" page: how to put the frame program on a Pi from this server. */
export interface FrameInstallDto {
  /** `curl -fsSL http://<LAN address>:<port>/frame/install.sh | sudo sh`, or null while the frame program is not built. */
  command: string | null;
  /** The same command as an SVG QR code, for a phone beside the Pi. */
  qrSvg: string | null;
  /** The address in the command (as discovery announces it), and the machine's other LAN addresses to pick from. */
  address: string;
  otherAddresses: string[];
  httpPort: number | null;
  /** The server certificate's fingerprint, which the installed frame pins; the installer prints it too. */
  fingerprint: string | null;
  /** The frame program version this server hands out. */
  frameVersion: string | null;
  /** Which panels, which Pi, which OS image (served from the README at build time), and the same text (Markdown) for the desktop window, which opens no links. */
  panelGuideUrl: string;
  panelGuide: string | null;
  /** Why there is no command yet, when there is none. */
  problem: string | null;
}
