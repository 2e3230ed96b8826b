import type { DisplayDto } from '../../../contract/admin.ts';
import { clockTime, timeAgo } from '../../lib/format.ts';
import { modeLabel } from '../../lib/options.ts';
import { useDisplays, type PanelImage } from '../../stores/displays-store.ts';
import { FrameHealth } from './FrameHealth.tsx';

const DASHBOARD_MINUTES = 30;

/** One paired display: what it shows right now, whether it is reachable, and its quick actions. */
export function DisplayCard({ display, panelImage, onOpen }: { display: DisplayDto; panelImage?: PanelImage; onOpen: () => void }) {
  const { next, setOverride, clearOverride } = useDisplays.getState();
  const revoked = display.status !== 'approved';
  const mode = display.override?.mode ?? panelImage?.mode ?? display.defaultMode;

  return (
    <article className="card display-card" data-testid={`display-${display.humanId}`}>
      <button className="panel-image-box" onClick={onOpen} aria-label={`Open ${display.name}`}>
        {panelImage ? <img src={panelImage.src} alt={`What ${display.name} shows`} data-version={panelImage.version} /> : <span className="muted small">{revoked ? 'Revoked' : 'Loading preview…'}</span>}
        <span className={`badge mode-badge ${display.override ? 'accent' : ''}`} data-testid="mode">{modeLabel(mode)}{display.override && ` until ${clockTime(display.override.until)}`}</span>
      </button>
      <div className="display-card-body">
        <div className="spread">
          <h2>{display.name}</h2>
          <button className="quiet" onClick={onOpen}>Settings</button>
        </div>
        <p className="small muted row">
          <span className={`dot ${display.online ? 'ok' : ''}`} />
          <span data-testid="presence">{display.online ? 'Online' : 'Offline'} · seen {timeAgo(display.lastSeen)}</span>
          {display.batteryVoltage !== null && <span data-testid="battery" title={`${display.batteryVoltage.toFixed(2)} V`}>· battery {Math.round(display.batteryPercent ?? 0)} %</span>}
          {display.rssi !== null && <span data-testid="rssi">· Wi-Fi {display.rssi} dBm</span>}
        </p>
        <FrameHealth display={display} />
        {display.macOnlyAuth && !revoked && <p className="small"><span className="badge warn" title="Anyone who knows its MAC address can fetch its pictures; require its token in Settings">MAC only</span> <span className="muted">authenticates by MAC address only</span></p>}
        {revoked ? (
          <p className="small"><span className="badge bad">Revoked</span> <span className="muted">It pairs again when it restarts.</span></p>
        ) : (
          <div className="row">
            <button onClick={() => next(display.id)}>Next photo</button>
            {display.override
              ? <button onClick={() => clearOverride(display.id)}>Back to schedule</button>
              : <button onClick={() => setOverride(display.id, 'dashboard', DASHBOARD_MINUTES)}>Dashboard {DASHBOARD_MINUTES} min</button>}
          </div>
        )}
      </div>
    </article>
  );
}
