import fs from 'node:fs';
import path from 'node:path';
import type { StoreContext } from '../core/app-context.ts';
import { IMAGE_EXTENSIONS, importFolder, importOne } from './import-folder.ts';

/** Quiet time after the last change before importing: a camera or a sync tool writes in bursts. */
const DEBOUNCE_MS = 2_000;

export interface FolderWatcher {
  /** The folder being watched, or null when `photos.watch_folder` is not set. */
  readonly folder: string | null;
  /** Resolves when the imports started so far have finished. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Watches `photos.watch_folder` (recursively): imports what is there at start, then every image
 * file that appears or changes, once writes have settled. Duplicates cost only a hash.
 */
export async function startFolderWatcher(app: StoreContext, options: { debounceMs?: number } = {}): Promise<FolderWatcher> {
  const setting = await app.settings.get('photos.watch_folder');
  if (!setting) return { folder: null, idle: async () => {}, stop: () => {} };
  const folder = path.resolve(setting);
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let work: Promise<void> = importAll();

  async function importAll(): Promise<void> {
    try {
      const result = await importFolder(app, folder);
      app.log.info({ folder, ...result, failed: result.failed.length }, 'watched folder scanned');
    } catch (error) {
      app.log.warn({ folder, err: error }, 'cannot scan the watched folder');
    }
  }

  async function importPending(): Promise<void> {
    const files = [...pending];
    pending.clear();
    for (const file of files) {
      const exists = await fs.promises.stat(file).then((s) => s.isFile(), () => false);
      if (!exists) continue;
      const item = await importOne(app, file);
      if (item.status === 'failed') app.log.warn({ file, reason: item.reason }, 'watched folder: photo refused');
      else if (item.status === 'imported') app.log.info({ file, photoId: item.photoId }, 'watched folder: photo imported');
    }
  }

  let watcher: fs.FSWatcher | null = null;
  try {
    watcher = fs.watch(folder, { recursive: true }, (_event, name) => {
      if (!name || !IMAGE_EXTENSIONS.has(path.extname(name).toLowerCase()) || path.basename(name).startsWith('.')) return;
      pending.add(path.join(folder, name));
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        work = work.then(importPending);
      }, debounceMs);
    });
    watcher.on('error', (error) => app.log.warn({ folder, err: error }, 'watched folder: watching stopped'));
  } catch (error) {
    app.log.warn({ folder, err: error }, 'cannot watch the photo folder');
  }

  return {
    folder,
    idle: async () => {
      while (timer) await new Promise((resolve) => setTimeout(resolve, debounceMs / 4));
      await work;
    },
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      watcher?.close();
    },
  };
}
