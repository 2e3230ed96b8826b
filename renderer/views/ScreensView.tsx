import { ViewHeader } from '../components/common/ViewHeader.tsx';
import { EmptyState } from '../components/common/EmptyState.tsx';
import { AddScreen } from '../components/screens/AddScreen.tsx';
import { MashupEditor } from '../components/screens/MashupEditor.tsx';
import { PlaylistEditor } from '../components/screens/PlaylistEditor.tsx';
import { ScreenCard } from '../components/screens/ScreenCard.tsx';
import { useScreens } from '../stores/screens-store.ts';
import './screens.css';

export function ScreensView() {
  const screens = useScreens((s) => s.screens);
  return (
    <>
      <ViewHeader title="Screens" subtitle="Built-in plugins and TRMNL recipes, each with its own settings and refresh; mashups put several on one panel, playlists show them in turn." />
      <AddScreen />
      {screens.length === 0 && <EmptyState title="No screens yet">Add a built-in plugin or import a TRMNL recipe ZIP.</EmptyState>}
      <div className="stack">
        {screens.map((screen) => <ScreenCard key={screen.id} screen={screen} />)}
      </div>
      <div className="two-col">
        <div className="card"><MashupEditor /></div>
        <div className="card"><PlaylistEditor /></div>
      </div>
    </>
  );
}
