import { useScreens } from '../../stores/screens-store.ts';

/** Beside a mode that shows one item (screen, mashup, playlist): which one. Nothing for the other modes. */
export function ItemPicker({ mode, itemId, onChange, label = 'Which one' }: { mode: string; itemId: number | null; onChange(itemId: number | null): void; label?: string }) {
  const screens = useScreens((s) => s.screens);
  const mashups = useScreens((s) => s.mashups);
  const playlists = useScreens((s) => s.playlists);
  const choices: { id: number; name: string }[] = mode === 'screen' ? screens : mode === 'mashup' ? mashups : mode === 'playlist' ? playlists : [];
  if (mode !== 'screen' && mode !== 'mashup' && mode !== 'playlist') return null;
  return (
    <select aria-label={label} value={itemId ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
      <option value="">{choices.length ? `Choose a ${mode}…` : `No ${mode}s yet (see Screens)`}</option>
      {choices.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
    </select>
  );
}
