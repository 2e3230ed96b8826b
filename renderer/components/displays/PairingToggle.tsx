import { clockTime } from '../../lib/format.ts';
import { useDisplays } from '../../stores/displays-store.ts';

/** "Pair new displays": while open (10 minutes), every frame that asks is approved at once. */
export function PairingToggle() {
  const pairing = useDisplays((s) => s.pairing);
  const { openPairing, closePairing } = useDisplays.getState();
  return pairing.open
    ? <button className="toggle" aria-pressed="true" onClick={() => closePairing()}>Pairing open until {clockTime(pairing.until)}</button>
    : <button onClick={() => openPairing(10)}>Pair new displays</button>;
}
