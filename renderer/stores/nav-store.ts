import { create } from 'zustand';

export const VIEWS = ['displays', 'screens', 'photos', 'jobs', 'dashboard', 'settings'] as const;
export type View = (typeof VIEWS)[number];

interface NavState {
  view: View;
  go(view: View): void;
}

function viewFromHash(): View {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'displays';
}

/** The current view, kept in the address hash so a reload stays where the user was. */
export const useNav = create<NavState>()((set) => ({
  view: viewFromHash(),
  go(view) {
    window.location.hash = `/${view}`;
    set({ view });
  },
}));

window.addEventListener('hashchange', () => useNav.setState({ view: viewFromHash() }));
