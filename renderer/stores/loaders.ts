import { useDashboard } from './dashboard-store.ts';
import { useDisplays } from './displays-store.ts';
import { useJobs } from './jobs-store.ts';
import { usePhotos } from './photos-store.ts';
import { useScreens } from './screens-store.ts';
import { useSettings } from './settings-store.ts';
import { useVariants } from './variants-store.ts';

export type Loader = () => Promise<void>;

/** Each store's fetch of what it shows. Stable functions, so lists of them (views/registry.ts) can be merged without fetching twice. */
export const LOADERS = {
  displays: () => useDisplays.getState().load(),
  pairing: () => useDisplays.getState().loadPairing(),
  photos: () => usePhotos.getState().load(),
  styles: () => useVariants.getState().loadStyles(),
  jobs: () => useJobs.getState().load(),
  jobLog: () => useJobs.getState().loadLog(),
  settings: () => useSettings.getState().load(),
  dashboard: () => useDashboard.getState().load(),
  screens: () => useScreens.getState().load(),
} satisfies Record<string, Loader>;

/** Runs each loader once, however many lists name it. */
export async function runLoaders(lists: Iterable<readonly Loader[]>): Promise<void> {
  const unique = new Set<Loader>();
  for (const list of lists) list.forEach((loader) => unique.add(loader));
  await Promise.all([...unique].map((loader) => loader()));
}
