import type { ComponentType } from 'react';
import { LOADERS, runLoaders, type Loader } from '../stores/loaders.ts';
import { AddFrameView } from './AddFrameView.tsx';
import { DashboardView } from './DashboardView.tsx';
import { DisplaysView } from './DisplaysView.tsx';
import { JobsView } from './JobsView.tsx';
import { PendingDisplaysCount, PhotoCount } from './nav-counts.tsx';
import { PhotosView } from './PhotosView.tsx';
import { ScreensView } from './ScreensView.tsx';
import { SettingsView } from './SettingsView.tsx';

export interface ViewDefinition {
  /** Its address: `#/id`. */
  id: string;
  /** Its name in the sidebar. */
  label: string;
  component: ComponentType;
  /** What it shows (the sidebar's counts included): fetched at start and again after the event stream reconnects. */
  load: readonly Loader[];
  /** A count beside the label in the sidebar. */
  badge?: ComponentType;
}

/**
 * Every view of the UI, in sidebar order. To add a view, write its component in this folder and add
 * one entry here: the sidebar, the address and the load list (`loadEveryView`) follow from it.
 */
export const VIEWS = [
  { id: 'displays', label: 'Displays', component: DisplaysView, load: [LOADERS.displays, LOADERS.pairing, LOADERS.screens], badge: PendingDisplaysCount },
  { id: 'screens', label: 'Screens', component: ScreensView, load: [LOADERS.screens, LOADERS.displays] },
  // Fetches what it shows itself when opened (the install command depends on the listeners, not on stored data).
  { id: 'add-frame', label: 'Add a frame', component: AddFrameView, load: [] },
  { id: 'photos', label: 'Photos', component: PhotosView, load: [LOADERS.photos, LOADERS.styles, LOADERS.displays], badge: PhotoCount },
  { id: 'jobs', label: 'Jobs', component: JobsView, load: [LOADERS.jobs, LOADERS.jobLog] },
  { id: 'dashboard', label: 'Dashboard', component: DashboardView, load: [LOADERS.dashboard, LOADERS.settings, LOADERS.displays, LOADERS.jobs] },
  { id: 'settings', label: 'Settings', component: SettingsView, load: [LOADERS.settings, LOADERS.pairing, LOADERS.styles] },
] as const satisfies readonly ViewDefinition[];

export type ViewId = (typeof VIEWS)[number]['id'];

/** The view an address names; the first one for an unknown or empty address. */
export function viewById(id: string): ViewDefinition {
  return VIEWS.find((view) => view.id === id) ?? VIEWS[0];
}

/** The one load list: what every view shows, each store fetched once. */
export function loadEveryView(): Promise<void> {
  return runLoaders(VIEWS.map((view) => view.load));
}
