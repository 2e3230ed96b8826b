import type { Core } from '../create-core.ts';
import type { SystemInfoDto } from '../../contract/dtos.ts';

type Listeners = NonNullable<SystemInfoDto['listeners']>;

const published = new WeakMap<Core, Listeners>();

/** Called by the server when its listeners are up, so the Settings view can show the real ports. */
export function publishListeners(core: Core, listeners: Listeners): void {
  published.set(core, { http: listeners.http, https: listeners.https, discovery: listeners.discovery });
}

export function publishedListeners(core: Core): Listeners | null {
  return published.get(core) ?? null;
}
