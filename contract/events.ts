/** What changed inside the app; the UI subscribes to these and refetches (push-invalidate, pull-data). */
export interface AppEventMap {
  'displays-changed': { displayId?: number };
  'panel-image-changed': { displayId: number; version: string };
  'pairing-request': { displayId: number; humanId: string };
  /** A display fell silent (once per outage, for displays whose offline notification is on). */
  'display-offline': { displayId: number; humanId: string; name: string; lastSeen: string };
  'job-log': { executionId: number; seq: number; time: string; level: string; message: string; context?: Record<string, unknown> };
  'execution-changed': { executionId: number; jobName: string; status: string };
  'photos-changed': Record<string, never>;
  /** Stored data a picture depends on changed (weather, calendar, stats, photos): dashboards may need a re-render. */
  'content-changed': { kind: 'weather' | 'calendar' | 'photos' | 'stats' | 'settings' };
}
