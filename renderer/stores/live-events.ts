import type { InkstandClient } from '../api/client.ts';
import { useDashboard } from './dashboard-store.ts';
import { useDisplays } from './displays-store.ts';
import { useJobs } from './jobs-store.ts';
import { usePhotos } from './photos-store.ts';
import { useSettings } from './settings-store.ts';
import { useScreens } from './screens-store.ts';
import { useToasts } from './toast-store.ts';

export interface LiveEventOptions {
  /** Fetches everything again: the event stream has opened, first or again after a cut, so events may have been missed (views/registry.ts `loadEveryView`). */
  resync: () => Promise<void>;
}

/** Push-invalidate, pull-data: each event tells a store to refetch what it shows. Returns the unsubscribe. */
export function connectLiveEvents(api: InkstandClient, { resync }: LiveEventOptions): () => void {
  const displays = () => useDisplays.getState();
  const jobs = () => useJobs.getState();
  const offs = [
    api.on('displays-changed', () => void displays().load()),
    api.on('panel-image-changed', ({ displayId, version }) => void displays().loadPanelImage(displayId, version)),
    api.on('pairing-request', ({ humanId }) => {
      useToasts.getState().show(`Display ${humanId} asks to pair`);
      void displays().load();
    }),
    api.on('job-log', (line) => jobs().receiveLog(line)),
    api.on('execution-changed', () => void jobs().load()),
    api.on('jobs-changed', () => void jobs().load()),
    api.on('photos-changed', () => void usePhotos.getState().load()),
    api.on('screens-changed', () => void useScreens.getState().load()),
    api.on('content-changed', ({ kind }) => {
      if (kind === 'weather' || kind === 'calendar') {
        void useDashboard.getState().load();
        void useDashboard.getState().refreshPreviews();
      }
      if (kind === 'settings') void useSettings.getState().load();
    }),
    api.onResync(() => void resync()),
  ];
  return () => offs.forEach((off) => off());
}
