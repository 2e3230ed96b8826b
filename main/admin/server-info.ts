import type { SystemInfoDto } from '../../contract/dtos.ts';

export type Listeners = NonNullable<SystemInfoDto['listeners']>;

/** The ports the server listens on, once it does (null in the CLI): the Settings view shows the real ones. */
export class ListenerInfo {
  private listeners: Listeners | null = null;

  publish(listeners: Listeners): void {
    this.listeners = { http: listeners.http, https: listeners.https, discovery: listeners.discovery };
  }

  current(): Listeners | null {
    return this.listeners;
  }
}
