import { useState } from 'react';
import { MASHUP_SLOTS, type MashupLayout } from '../../../contract/screens.ts';
import { useScreens } from '../../stores/screens-store.ts';
import { Section } from '../common/Section.tsx';
import { ScreenPreview } from './ScreenPreview.tsx';

const LAYOUT_LABELS: Record<MashupLayout, string> = {
  '1Lx1R': 'Left | right', '1Tx1B': 'Top / bottom', '2x2': 'Four quarters', '1Lx2R': 'Left | two right',
  '2Lx1R': 'Two left | right', '1Tx2B': 'Top / two below', '2Tx1B': 'Two above / bottom',
};

/** Mashups: 2–4 screens on one panel in one of the layouts; a new one is made here, each previewed on any panel. */
export function MashupEditor() {
  const screens = useScreens((s) => s.screens);
  const mashups = useScreens((s) => s.mashups);
  const saveMashup = useScreens((s) => s.saveMashup);
  const removeMashup = useScreens((s) => s.removeMashup);
  const [name, setName] = useState('');
  const [layout, setLayout] = useState<MashupLayout>('1Lx1R');
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [previewId, setPreviewId] = useState<number | null>(null);
  const slots = MASHUP_SLOTS[layout];

  const create = async () => {
    const screenIds = Array.from({ length: slots }, (_, i) => picked[i] ?? screens[0]?.id);
    const message = await saveMashup({ name: name || `${LAYOUT_LABELS[layout]} mashup`, layout, screenIds });
    setError(message);
    if (!message) setName('');
  };

  return (
    <Section title="Mashups">
      {mashups.length === 0 && <p className="muted small">No mashups yet: put two to four screens on one panel.</p>}
      <ul className="plain-list">
        {mashups.map((m) => (
          <li key={m.id} className="spread">
            <span><strong>{m.name}</strong> · {LAYOUT_LABELS[m.layout]} · {m.screenIds.map((id) => screens.find((s) => s.id === id)?.name ?? `#${id}`).join(', ')}</span>
            <span className="row">
              <button onClick={() => setPreviewId(previewId === m.id ? null : m.id)}>{previewId === m.id ? 'Hide preview' : 'Preview'}</button>
              <button className="danger" onClick={() => void removeMashup(m.id)}>Delete</button>
            </span>
          </li>
        ))}
      </ul>
      {previewId !== null && <ScreenPreview mashupId={previewId} />}
      {screens.length > 0 && (
        <div className="row wrap mashup-form">
          <input aria-label="Mashup name" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} />
          <select aria-label="Layout" value={layout} onChange={(e) => setLayout(e.target.value as MashupLayout)}>
            {(Object.keys(MASHUP_SLOTS) as MashupLayout[]).map((l) => <option key={l} value={l}>{LAYOUT_LABELS[l]} ({l})</option>)}
          </select>
          {Array.from({ length: slots }, (_, i) => (
            <select key={i} aria-label={`Screen ${i + 1}`} value={picked[i] ?? screens[0].id} onChange={(e) => setPicked((p) => Object.assign([...p], { [i]: Number(e.target.value) }))}>
              {screens.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          ))}
          <button onClick={() => void create()}>Add mashup</button>
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </Section>
  );
}
