import type { DisplayDto } from '../../../contract/admin.ts';
import { timeAgo } from '../../lib/format.ts';
import { useDisplays } from '../../stores/displays-store.ts';

/** A frame that asked to pair: the code it shows on its screen, to check before approving. */
export function PendingDisplayCard({ display }: { display: DisplayDto }) {
  const { approve, remove } = useDisplays.getState();
  const code = display.pairingCode ?? '';
  return (
    <article className="card pending-card" data-testid={`pending-${display.humanId}`}>
      <div>
        <h2 className="mono">{display.humanId}</h2>
        <p className="small muted">{display.protocol === 'trmnl' ? <>TRMNL device <code>{display.macAddress}</code></> : 'Inkstand frame'} · {display.profileId} · asked {timeAgo(display.createdAt)}</p>
        {display.macOnlyAuth && <p className="small muted">Recognised by its MAC address: approve only a device you are setting up now.</p>}
      </div>
      <div className="pairing-code" aria-label="Pairing code">
        <span className="muted small">Code on the frame</span>
        <strong className="mono">{code.slice(0, 3)} {code.slice(3)}</strong>
      </div>
      <div className="row">
        <button className="primary" onClick={() => approve(display.id)}>Approve</button>
        <button className="quiet" onClick={() => remove(display.id)}>Dismiss</button>
      </div>
    </article>
  );
}
