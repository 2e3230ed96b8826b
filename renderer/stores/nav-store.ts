import { create } from 'zustand';
import type { ViewId } from '../views/registry.ts';

interface NavState {
  /** The view named in the address (`#/photos`); views/registry.ts resolves it, the first view for an unknown name. */
  view: string;
  go(view: ViewId): void;
}

const viewInAddress = () => window.location.hash.replace(/^#\/?/, '');

/** The current view, kept in the address hash so a reload stays where the user was. */
export const useNav = create<NavState>()((set) => ({
  view: viewInAddress(),
  go(view) {
    window.location.hash = `/${view}`;
    set({ view });
  },
}));

/** Follows the address when the user goes back or forward or types one; returns the unsubscribe. */
export function followAddress(): () => void {
  const follow = () => useNav.setState({ view: viewInAddress() });
  window.addEventListener('hashchange', follow);
  return () => window.removeEventListener('hashchange', follow);
}
