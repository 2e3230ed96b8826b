import { useState } from 'react';
import { useScreens } from '../../stores/screens-store.ts';

/** Add a screen: one of the built-in plugins, or a TRMNL recipe ZIP (an export from TRMNL, or a zipped folder or trmnlp project). */
export function AddScreen() {
  const builtins = useScreens((s) => s.builtins);
  const addBuiltin = useScreens((s) => s.addBuiltin);
  const importZip = useScreens((s) => s.importZip);
  const [builtinId, setBuiltinId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(await importZip(file));
    setBusy(false);
  };

  return (
    <div className="card stack add-screen">
      <div className="row wrap">
        {builtins.length > 0 && (
          <>
            <select aria-label="Built-in plugin" value={builtinId} onChange={(e) => setBuiltinId(e.target.value)}>
              <option value="">Built-in plugin…</option>
              {builtins.map((b) => <option key={b.id} value={b.id} title={b.description}>{b.name}</option>)}
            </select>
            <button disabled={!builtinId} onClick={() => void addBuiltin(builtinId)}>Add</button>
            <span className="muted small">or</span>
          </>
        )}
        <label className="btn">
          {busy ? 'Importing…' : 'Import a TRMNL recipe (ZIP)'}
          <input type="file" accept=".zip,application/zip" hidden aria-label="Recipe ZIP" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
