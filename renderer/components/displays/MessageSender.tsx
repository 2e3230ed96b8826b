import { useState } from 'react';
import type { DisplayDto } from '../../../contract/admin.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Field } from '../common/Field.tsx';
import { Section } from '../common/Section.tsx';

/** Puts a short note on the frame for a while. */
export function MessageSender({ display }: { display: DisplayDto }) {
  const showMessage = useDisplays((s) => s.showMessage);
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState(60);

  const send = async () => {
    if (await showMessage(display.id, text, minutes)) setText('');
  };
  return (
    <Section title="Send a message">
      <div className="stack">
        <textarea rows={3} maxLength={500} placeholder="Dinner is at seven!" value={text} onChange={(e) => setText(e.target.value)} aria-label="Message" />
        <div className="row">
          <Field label="For (minutes)"><input className="short" type="number" min={1} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} /></Field>
          <button className="primary" disabled={!text.trim()} onClick={send} style={{ alignSelf: 'flex-end' }}>Show message</button>
        </div>
      </div>
    </Section>
  );
}
