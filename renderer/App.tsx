import { useEffect } from 'react';
import { client } from './api/client.ts';
import { Sidebar } from './components/common/Sidebar.tsx';
import { Toasts } from './components/common/Toasts.tsx';
import { TokenNeeded } from './components/common/TokenNeeded.tsx';
import { useDashboard } from './stores/dashboard-store.ts';
import { useDisplays } from './stores/displays-store.ts';
import { useJobs } from './stores/jobs-store.ts';
import { connectLiveEvents } from './stores/live-events.ts';
import { useNav, type View } from './stores/nav-store.ts';
import { usePhotos } from './stores/photos-store.ts';
import { useSettings } from './stores/settings-store.ts';
import { useToasts } from './stores/toast-store.ts';
import { useVariants } from './stores/variants-store.ts';
import { DashboardView } from './views/DashboardView.tsx';
import { DisplaysView } from './views/DisplaysView.tsx';
import { JobsView } from './views/JobsView.tsx';
import { PhotosView } from './views/PhotosView.tsx';
import { SettingsView } from './views/SettingsView.tsx';
import { ScreensView } from './views/ScreensView.tsx';
import { useScreens } from './stores/screens-store.ts';

const VIEW_COMPONENTS: Record<View, () => React.JSX.Element> = {
  displays: DisplaysView,
  screens: ScreensView,
  photos: PhotosView,
  jobs: JobsView,
  dashboard: DashboardView,
  settings: SettingsView,
};

export function App() {
  const view = useNav((s) => s.view);
  const unauthorized = useToasts((s) => s.unauthorized);

  useEffect(() => {
    const disconnect = connectLiveEvents(client());
    void useDisplays.getState().load();
    void useDisplays.getState().loadPairing();
    void usePhotos.getState().load();
    void useJobs.getState().load();
    void useSettings.getState().load();
    void useDashboard.getState().load();
    void useVariants.getState().loadStyles();
    void useScreens.getState().load();
    return disconnect;
  }, []);

  if (unauthorized) return <TokenNeeded />;
  const Current = VIEW_COMPONENTS[view];
  return (
    <div className="app">
      <Sidebar />
      <main className="main" data-view={view}>
        <Current />
      </main>
      <Toasts />
    </div>
  );
}
