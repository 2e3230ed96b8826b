import { useState } from 'react';
import type { ScreenDto } from '../../../contract/admin.ts';
import { useScreens } from '../../stores/screens-store.ts';
import { ScreenEditor } from './ScreenEditor.tsx';
import { ScreenPreview } from './ScreenPreview.tsx';

const STRATEGY_LABELS: Record<ScreenDto['strategy'], string> = { polling: 'Polls its URL', webhook: 'Takes webhook pushes', static: 'Static data' };

/** One screen: how it gets data and how it is drawn, its last data and error, refresh now, export, edit and preview. */
export function ScreenCard({ screen }: { screen: ScreenDto }) {
  const [open, setOpen] = useState(false);
  const [showData, setShowData] = useState(false);
  const refresh = useScreens((s) => s.refresh);
  const exportZip = useScreens((s) => s.exportZip);
  const remove = useScreens((s) => s.remove);

  return (
    <article className="card screen-card" data-screen-id={screen.id}>
      <div className="spread">
        <div>
          <h3>{screen.name}</h3>
          <p className="muted small">
            {screen.builtinId ? 'Built-in' : 'TRMNL recipe'} · {STRATEGY_LABELS[screen.strategy]} · every {screen.refreshMinutes} min ·{' '}
            <span className={`drawn-by drawn-by--${screen.drawnBy.engine}`} title="How it is drawn">{screen.drawnBy.reason}</span>
          </p>
          <p className="muted small">{screen.lastFetchedAt ? `Data from ${new Date(screen.lastFetchedAt).toLocaleString()}` : 'No data yet'}</p>
          {screen.lastError && <p className="field-error small" role="alert">Last attempt {screen.lastErrorAt ? new Date(screen.lastErrorAt).toLocaleString() : ''}: {screen.lastError}</p>}
        </div>
        <div className="row">
          {screen.strategy !== 'webhook' && <button onClick={() => void refresh(screen.id)}>Refresh now</button>}
          <button onClick={() => void exportZip(screen.id)}>Export</button>
          <button aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Close' : 'Edit'}</button>
          <button className="danger" onClick={() => void remove(screen.id)}>Delete</button>
        </div>
      </div>
      {open && (
        <div className="two-col">
          <ScreenEditor screen={screen} />
          <div className="stack">
            <ScreenPreview screenId={screen.id} version={`${screen.lastFetchedAt}-${JSON.stringify(screen.fields.map((f) => f.value))}`} />
            <button className="quiet" onClick={() => setShowData(!showData)}>{showData ? 'Hide' : 'Show'} its data</button>
            {showData && <pre className="screen-data">{screen.dataTruncated ? String(screen.data) + '…' : JSON.stringify(screen.data, null, 2)}</pre>}
          </div>
        </div>
      )}
    </article>
  );
}
