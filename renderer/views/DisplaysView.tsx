import { useEffect, useState } from 'react';
import { DisplayCard } from '../components/displays/DisplayCard.tsx';
import { DisplayEditor } from '../components/displays/DisplayEditor.tsx';
import { PairingToggle } from '../components/displays/PairingToggle.tsx';
import { PendingDisplayCard } from '../components/displays/PendingDisplayCard.tsx';
import { EmptyState } from '../components/common/EmptyState.tsx';
import { ViewHeader } from '../components/common/ViewHeader.tsx';
import { useDisplays } from '../stores/displays-store.ts';
import { everyDisplayActions } from '../stores/every-display-actions.ts';
import './displays.css';

const STATUS_REFRESH_MS = 20_000;

export function DisplaysView() {
  const displays = useDisplays((s) => s.displays);
  const panelImages = useDisplays((s) => s.panelImages);
  const loaded = useDisplays((s) => s.loaded);
  const openPairing = useDisplays((s) => s.openPairing);
  const [openId, setOpenId] = useState<number | null>(null);
  // Online/offline comes from "last seen", which changes without an event: look again now and then.
  useEffect(() => {
    const timer = setInterval(() => void useDisplays.getState().load(), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const pending = displays.filter((d) => d.status === 'pending');
  const paired = displays.filter((d) => d.status !== 'pending');
  const open = paired.find((d) => d.id === openId);
  const online = paired.filter((d) => d.online).length;

  return (
    <>
      <ViewHeader title="Displays" subtitle={loaded && paired.length > 0 ? `${paired.length} paired · ${online} online` : undefined}>
        <button onClick={everyDisplayActions.refreshAll} disabled={!paired.length}>Refresh all</button>
        <button onClick={everyDisplayActions.nextPhotoEverywhere} disabled={!paired.length}>Next photo everywhere</button>
        <button onClick={() => everyDisplayActions.dashboardEverywhere(30)} disabled={!paired.length}>Dashboard 30 min</button>
        <PairingToggle />
      </ViewHeader>

      {pending.length > 0 && (
        <section className="pending" aria-label="Waiting for approval">
          <h2>Waiting for approval</h2>
          {pending.map((d) => <PendingDisplayCard key={d.id} display={d} />)}
        </section>
      )}

      {loaded && paired.length === 0 && pending.length === 0 && (
        <EmptyState title="No displays yet" actions={<button className="primary" onClick={() => openPairing(10)}>Pair new displays</button>}>
          Power on a frame on this network: it finds Inkstand by itself and shows up here with a pairing code. Or switch on
          “Pair new displays” to approve every frame that asks in the next 10 minutes.
        </EmptyState>
      )}

      <div className="grid display-grid">
        {paired.map((d) => <DisplayCard key={d.id} display={d} panelImage={panelImages[d.id]} onOpen={() => setOpenId(d.id)} />)}
      </div>

      {open && <DisplayEditor key={open.id} display={open} panelImage={panelImages[open.id]?.src} onClose={() => setOpenId(null)} />}
    </>
  );
}
