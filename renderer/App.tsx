import { useEffect } from 'react';
import { client } from './api/client.ts';
import { Sidebar } from './components/common/Sidebar.tsx';
import { Toasts } from './components/common/Toasts.tsx';
import { TokenNeeded } from './components/common/TokenNeeded.tsx';
import { connectLiveEvents } from './stores/live-events.ts';
import { followAddress, useNav } from './stores/nav-store.ts';
import { useSession } from './stores/session-store.ts';
import { loadEveryView, viewById } from './views/registry.ts';

export function App() {
  const view = useNav((s) => viewById(s.view));
  const unauthorized = useSession((s) => s.unauthorized);

  useEffect(() => {
    const disconnect = connectLiveEvents(client(), { resync: loadEveryView });
    const unfollow = followAddress();
    void loadEveryView();
    return () => {
      unfollow();
      disconnect();
    };
  }, []);

  if (unauthorized) return <TokenNeeded />;
  const Current = view.component;
  return (
    <div className="app">
      <Sidebar />
      <main className="main" data-view={view.id}>
        <Current />
      </main>
      <Toasts />
    </div>
  );
}
