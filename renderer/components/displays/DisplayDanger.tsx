import type { DisplayDto } from '../../../contract/admin.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Section } from '../common/Section.tsx';

/** Revoke (the frame must pair again) or forget the display. */
export function DisplayDanger({ display, onRemoved }: { display: DisplayDto; onRemoved: () => void }) {
  const { revoke, remove } = useDisplays.getState();
  const forget = async () => {
    if (!window.confirm(`Remove ${display.name}? It will have to pair again.`)) return;
    await remove(display.id);
    onRemoved();
  };
  return (
    <Section title="Access">
      <div className="spread">
        <p className="small muted">
          Hardware <code>{display.hardwareId}</code> · firmware {display.firmware ?? 'unknown'} · id <code>{display.humanId}</code>
        </p>
        <div className="row">
          {display.status === 'approved' && <button className="danger" onClick={() => revoke(display.id)}>Revoke</button>}
          <button className="danger" onClick={forget}>Remove</button>
        </div>
      </div>
    </Section>
  );
}
