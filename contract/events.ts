/**
 * What kind of display write a `displays-changed` is, when it is not a change to what the display
 * is or does (settings, status, token, schedule): `telemetry` (last seen, battery; one event per
 * batch, naming its displays in `displayIds`), `showing` (the photo on screen moved on), `removed` (the display is gone).
 */
export type DisplayChange = 'telemetry' | 'showing' | 'removed';

/** What changed inside the app; the UI subscribes to these and refetches (push-invalidate, pull-data). */
export interface AppEventMap {
  'displays-changed': { displayId?: number; displayIds?: number[]; change?: DisplayChange };
  'panel-image-changed': { displayId: number; version: string };
  /** A rendered picture was stored for a render key, or pictures no display shows were removed (no key then); not sent to the UI. */
  'panel-images-stored': { renderKey?: string };
  'pairing-request': { displayId: number; humanId: string };
  /** A display fell silent (once per outage, for displays whose offline notification is on). */
  'display-offline': { displayId: number; humanId: string; name: string; lastSeen: string };
  'job-log': { executionId: number; seq: number; time: string; level: string; message: string; context?: Record<string, unknown> };
  'execution-changed': { executionId: number; jobName: string; status: string };
  /** A job was created or edited, or old executions were pruned (no name then). */
  'jobs-changed': { jobName?: string };
  /** Photos or variants changed; `added`: only added (an import, a new variant), so nothing a display shows went away. */
  'photos-changed': { added?: true };
  /** A screen, mashup or playlist was added, changed (settings or data) or removed. */
  'screens-changed': { kind: 'screen' | 'mashup' | 'playlist'; id: number };
  /** Stored data a picture depends on changed (weather, calendar, stats, photos): dashboards may need a re-render. */
  'content-changed': { kind: 'weather' | 'calendar' | 'photos' | 'stats' | 'settings' | 'profiles' };
  /** A new admin token replaced the old one of its slot (not sent to the UI: it carries nothing to show). */
  'admin-tokens-changed': { slot: 'ui' | 'script' };
}
