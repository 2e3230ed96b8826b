import { useState } from 'react';
import type { DisplayDto } from '../../../contract/admin.ts';
import type { ButtonAction, ButtonMap } from '../../../contract/dtos.ts';
import { BUTTON_ACTIONS, MODES } from '../../lib/options.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Section } from '../common/Section.tsx';
import { ItemPicker } from '../screens/ItemPicker.tsx';

const BUTTONS = ['A', 'B', 'C', 'D'] as const;

function withAction(action: ButtonAction['action']): ButtonAction {
  return action === 'override' ? { action, mode: 'dashboard', minutes: 30 } : { action };
}

/** What each button on the frame does. */
export function ButtonMapEditor({ display }: { display: DisplayDto }) {
  const update = useDisplays((s) => s.update);
  const [map, setMap] = useState<ButtonMap>(display.buttonMap);
  const set = (button: string, action: ButtonAction) => setMap((m) => ({ ...m, [button]: action }));

  return (
    <Section title="Buttons" actions={<button className="primary" onClick={() => update(display.id, { buttonMap: map })}>Save buttons</button>}>
      <div className="stack">
        {BUTTONS.map((button) => {
          const action = map[button] ?? { action: 'next' };
          return (
            <div key={button} className="row">
              <strong className="button-key">{button}</strong>
              <select aria-label={`Button ${button}`} value={action.action} onChange={(e) => set(button, withAction(e.target.value as ButtonAction['action']))}>
                {BUTTON_ACTIONS.map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}
              </select>
              {action.action === 'override' && (
                <>
                  <select aria-label={`Button ${button} mode`} value={action.mode} onChange={(e) => set(button, { ...action, mode: e.target.value })}>
                    {MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
                  </select>
                  <ItemPicker mode={action.mode} itemId={action.itemId ?? null} label={`Button ${button} item`} onChange={(itemId) => set(button, { ...action, itemId: itemId ?? undefined })} />
                  <span className="muted small">for</span>
                  <input aria-label={`Button ${button} minutes`} className="short" type="number" min={1} max={1440} value={action.minutes} onChange={(e) => set(button, { ...action, minutes: Number(e.target.value) })} />
                  <span className="muted small">min</span>
                </>
              )}
            </div>
          );
        })}
      </div>
    </Section>
  );
}
