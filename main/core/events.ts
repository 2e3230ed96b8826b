import { EventEmitter } from 'node:events';
import type { AppEventMap } from '../../contract/events.ts';

export type { AppEventMap };

export type AppEventName = keyof AppEventMap;

export class AppEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  emit<K extends AppEventName>(name: K, payload: AppEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  /** Returns the unsubscribe function. */
  on<K extends AppEventName>(name: K, listener: (payload: AppEventMap[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
