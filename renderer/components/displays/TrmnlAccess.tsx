import { useState } from 'react';
import type { DisplayDto } from '../../../contract/admin.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Section } from '../common/Section.tsx';

/** How a TRMNL device proves who it is (MAC alone or its access token), and the firmware reset. */
export function TrmnlAccess({ display }: { display: DisplayDto }) {
  const { requireToken, resetDevice } = useDisplays.getState();
  const [newToken, setNewToken] = useState<string | null>(null);

  const setRequired = async (required: boolean) => setNewToken(await requireToken(display.id, required));
  const reset = () => {
    if (window.confirm(`Reset ${display.name}? At its next check-in the device forgets its key and its Wi-Fi, and has to be set up again (Wi-Fi, then approval here).`)) void resetDevice(display.id, true);
  };

  return (
    <Section title="TRMNL device">
      <div className="stack">
        <p className="small muted">MAC address <code>{display.macAddress}</code></p>
        {display.macOnlyAuth ? (
          <p className="notice warn" data-testid="mac-only">
            <strong>Authenticates by MAC address only.</strong> This device never sent an access token, so anyone on your network who
            knows its MAC address can fetch its pictures. Require the token if the device can send one (trmnl-display: <code>TRMNL_API_KEY</code>).
          </p>
        ) : (
          <p className="small">Requires its access token; the MAC address alone is refused.</p>
        )}
        <label className="row">
          <input type="checkbox" checked={!display.macOnlyAuth} onChange={(e) => void setRequired(e.target.checked)} />
          Require the access token
        </label>
        {newToken && (
          <div className="notice" data-testid="new-token">
            <p className="small">Set this key on the device now; it is not shown again:</p>
            <code className="token">{newToken}</code>
            <p className="small muted">trmnl-display: <code>TRMNL_API_KEY={newToken}</code>, or <code>"api_key"</code> in <code>~/.config/trmnl/config.json</code>.</p>
          </div>
        )}
        <div className="spread">
          <p className="small muted">
            {display.resetRequested ? 'Reset requested: the device wipes its key and Wi-Fi at its next check-in.' : 'A reset makes the firmware forget its key and Wi-Fi. It is only ever sent when you ask.'}
          </p>
          {display.resetRequested
            ? <button onClick={() => void resetDevice(display.id, false)}>Cancel reset</button>
            : <button className="danger" onClick={reset}>Reset device…</button>}
        </div>
      </div>
    </Section>
  );
}
