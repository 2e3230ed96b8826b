import { clockTime } from '../../lib/format.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Section } from '../common/Section.tsx';

export function PairingSettings() {
  const pairing = useDisplays((s) => s.pairing);
  const { openPairing, closePairing } = useDisplays.getState();
  return (
    <Section title="Pairing">
      <div className="spread">
        <p className="small">
          {pairing.open
            ? <>New displays are approved at once until <strong>{clockTime(pairing.until)}</strong>.</>
            : <>A new display waits for your approval in Displays. Open pairing to approve every frame that asks in the next 10 minutes.</>}
        </p>
        {pairing.open ? <button onClick={() => closePairing()}>Close pairing</button> : <button onClick={() => openPairing(10)}>Pair new displays</button>}
      </div>
    </Section>
  );
}
