import { useState } from 'react';
import type { PlaylistItem, PlaylistItemKind } from '../../../contract/screens.ts';
import { useScreens } from '../../stores/screens-store.ts';
import { Section } from '../common/Section.tsx';

const KIND_LABELS: Record<PlaylistItemKind, string> = { photo: 'Photos', dashboard: 'Dashboard', screen: 'Screen', mashup: 'Mashup' };

type Row = { kind: PlaylistItemKind; itemId: number | null; minutes: string };

/** Playlists: photos, the dashboard, screens and mashups in turn, each for its own time. */
export function PlaylistEditor() {
  const screens = useScreens((s) => s.screens);
  const mashups = useScreens((s) => s.mashups);
  const playlists = useScreens((s) => s.playlists);
  const savePlaylist = useScreens((s) => s.savePlaylist);
  const removePlaylist = useScreens((s) => s.removePlaylist);
  const [name, setName] = useState('');
  const [rows, setRows] = useState<Row[]>([{ kind: 'photo', itemId: null, minutes: '10' }]);
  const [error, setError] = useState<string | null>(null);

  const choices = (kind: PlaylistItemKind) => (kind === 'screen' ? screens : kind === 'mashup' ? mashups : []);
  const setRow = (index: number, patch: Partial<Row>) => setRows((all) => all.map((row, i) => {
    if (i !== index) return row;
    const next = { ...row, ...patch };
    if (patch.kind) next.itemId = choices(patch.kind)[0]?.id ?? null;
    return next;
  }));
  const describe = (item: PlaylistItem) => {
    const named = item.kind === 'screen' ? screens.find((s) => s.id === item.itemId)?.name : item.kind === 'mashup' ? mashups.find((m) => m.id === item.itemId)?.name : null;
    return `${KIND_LABELS[item.kind]}${named ? ` “${named}”` : ''} ${Math.round(item.durationS / 60)} min`;
  };
  const create = async () => {
    const items = rows.map((r) => ({ kind: r.kind, itemId: r.kind === 'screen' || r.kind === 'mashup' ? r.itemId : null, durationS: Math.round(Number(r.minutes) * 60) }));
    const message = await savePlaylist({ name: name || 'Playlist', items });
    setError(message);
    if (!message) setName('');
  };

  return (
    <Section title="Playlists">
      {playlists.length === 0 && <p className="muted small">No playlists yet.</p>}
      <ul className="plain-list">
        {playlists.map((p) => (
          <li key={p.id} className="spread">
            <span><strong>{p.name}</strong> · {p.items.map(describe).join(' → ')}</span>
            <button className="danger" onClick={() => void removePlaylist(p.id)}>Delete</button>
          </li>
        ))}
      </ul>
      <div className="stack playlist-form">
        <input aria-label="Playlist name" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} />
        {rows.map((row, i) => (
          <div key={i} className="row wrap">
            <select aria-label={`Item ${i + 1} kind`} value={row.kind} onChange={(e) => setRow(i, { kind: e.target.value as PlaylistItemKind })}>
              {(Object.keys(KIND_LABELS) as PlaylistItemKind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
            </select>
            {(row.kind === 'screen' || row.kind === 'mashup') && (
              <select aria-label={`Item ${i + 1}`} value={row.itemId ?? ''} onChange={(e) => setRow(i, { itemId: Number(e.target.value) })}>
                {choices(row.kind).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            )}
            <input aria-label={`Item ${i + 1} minutes`} inputMode="numeric" value={row.minutes} onChange={(e) => setRow(i, { minutes: e.target.value })} />
            <span className="muted small">min</span>
            {rows.length > 1 && <button onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>Remove</button>}
          </div>
        ))}
        <div className="row">
          <button onClick={() => setRows((all) => [...all, { kind: 'dashboard', itemId: null, minutes: '10' }])}>Add item</button>
          <button className="primary" onClick={() => void create()}>Save playlist</button>
        </div>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </Section>
  );
}
