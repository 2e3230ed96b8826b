import type { DisplayDto, DisplayPatch } from '../../../contract/admin.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Field } from '../common/Field.tsx';
import { Section } from '../common/Section.tsx';

type SpecialFunction = NonNullable<DisplayPatch['specialFunction']>;

/** TRMNL's special functions, by what they do here. */
const CHOICES: { value: SpecialFunction; label: string }[] = [
  { value: 'identify', label: 'Show its name and id' },
  { value: 'send_to_me', label: 'Next photo' },
  { value: 'rewind', label: 'Previous photo' },
  { value: 'none', label: 'Nothing' },
];

/** What the button of a TRMNL device does on a double press (its firmware's `special_function`). */
export function DoublePress({ display }: { display: DisplayDto }) {
  const update = useDisplays((s) => s.update);
  return (
    <Section title="Button">
      <div className="fields">
        <Field label="Double press" hint={display.specialFunction === 'send_to_me' ? 'TRMNL firmware shows the next photo at its next wake-up' : undefined}>
          <select value={display.specialFunction} onChange={(e) => void update(display.id, { specialFunction: e.target.value as SpecialFunction })}>
            {CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </Field>
      </div>
    </Section>
  );
}
