import path from 'node:path';
import type { StoreContext } from '../core/app-context.ts';
import type { FolderWatcher } from './watch-folder.ts';

/**
 * Keeps the watcher of `photos.watch_folder` in step with the setting: started at server start,
 * restarted when the setting changes (here or in another process), stopped with the server. The
 * watcher and the importer behind it are loaded only when a folder is set.
 */
export class FolderWatchService {
  private watcher: FolderWatcher | null = null;
  private applying: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly app: StoreContext) {}

  async start(): Promise<void> {
    this.unsubscribe = this.app.events.on('content-changed', ({ kind }) => {
      if (kind === 'settings') this.refresh();
    });
    this.refresh();
    await this.applying;
  }

  /** Re-reads the setting; a no-op when the folder is unchanged. */
  refresh(): void {
    this.applying = this.applying.then(() => this.apply()).catch((err) => this.app.log.warn({ err }, 'could not watch the photo folder'));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.applying;
    this.watcher?.stop();
    this.watcher = null;
  }

  private async apply(): Promise<void> {
    const setting = await this.app.settings.get('photos.watch_folder');
    const folder = setting ? path.resolve(setting) : null;
    if (folder === (this.watcher?.folder ?? null)) return;
    this.watcher?.stop();
    this.watcher = null;
    if (!folder) return;
    const { startFolderWatcher } = await import('./watch-folder.ts');
    this.watcher = await startFolderWatcher(this.app);
    this.app.log.info({ folder }, 'watching the photo folder');
  }
}
