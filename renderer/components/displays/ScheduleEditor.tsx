import { useState } from 'react';
import type { DisplayDto, WeeklyRuleInput } from '../../../contract/admin.ts';
import { hhmmToMinutes } from '../../lib/format.ts';
import { MODES, modeLabel, WEEKDAYS, type SelectableMode } from '../../lib/options.ts';
import { describe, findOverlap, rulesForDays, sortRules } from '../../lib/schedule.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Field } from '../common/Field.tsx';
import { Section } from '../common/Section.tsx';
import { ItemPicker } from '../screens/ItemPicker.tsx';
import { WeekStrip } from './WeekStrip.tsx';

const WORKDAYS = [1, 2, 3, 4, 5];

/** The weekly plan: on these days, between these times, show this; outside it the default mode. */
export function ScheduleEditor({ display }: { display: DisplayDto }) {
  const setRules = useDisplays((s) => s.setRules);
  const [rules, setDraft] = useState<WeeklyRuleInput[]>(sortRules(display.rules as WeeklyRuleInput[]));
  const [days, setDays] = useState<number[]>(WORKDAYS);
  const [slot, setSlot] = useState({ start: '07:00', end: '09:00', mode: 'dashboard' as SelectableMode, itemId: null as number | null });
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    const start = hhmmToMinutes(slot.start);
    const end = slot.end === '00:00' ? 1440 : hhmmToMinutes(slot.end);
    if (start === null || end === null || end <= start) return setError('The end must be after the start (use 00:00 for midnight).');
    if (!days.length) return setError('Choose at least one day.');
    const next = sortRules([...rules, ...rulesForDays(days, start, end, slot.mode, slot.itemId)]);
    const overlap = findOverlap(next);
    if (overlap) return setError(overlap);
    setError(null);
    setDraft(next);
  };
  const save = async () => {
    if (await setRules(display.id, rules)) setError(null);
  };
  const toggleDay = (day: number) => setDays((d) => (d.includes(day) ? d.filter((x) => x !== day) : [...d, day]));

  return (
    <Section title="Weekly schedule" actions={<button className="primary" onClick={save}>Save schedule</button>}>
      <WeekStrip rules={rules} defaultMode={display.defaultMode} />
      {rules.length === 0
        ? <p className="muted small">No rules: the display shows {modeLabel(display.defaultMode).toLowerCase()} all week.</p>
        : (
          <ul className="rule-list">
            {rules.map((rule, i) => (
              <li key={`${rule.weekday}-${rule.startMinute}`} className="spread">
                <span><strong>{WEEKDAYS[rule.weekday]}</strong> {describe(rule)} · {modeLabel(rule.mode)}</span>
                <button className="quiet" onClick={() => setDraft(rules.filter((_, j) => j !== i))} aria-label="Remove rule">Remove</button>
              </li>
            ))}
          </ul>
        )}
      <div className="rule-form">
        <div className="row" role="group" aria-label="Days">
          {WEEKDAYS.map((name, day) => (
            <button key={name} className="toggle" aria-pressed={days.includes(day)} onClick={() => toggleDay(day)}>{name.slice(0, 3)}</button>
          ))}
        </div>
        <div className="row">
          <Field label="From"><input type="time" value={slot.start} onChange={(e) => setSlot({ ...slot, start: e.target.value })} /></Field>
          <Field label="Until"><input type="time" value={slot.end} onChange={(e) => setSlot({ ...slot, end: e.target.value })} /></Field>
          <Field label="Show">
            <select value={slot.mode} onChange={(e) => setSlot({ ...slot, mode: e.target.value as SelectableMode })}>
              {MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
            </select>
            <ItemPicker mode={slot.mode} itemId={slot.itemId} label="Rule item" onChange={(itemId) => setSlot({ ...slot, itemId })} />
          </Field>
          <button onClick={add} style={{ alignSelf: 'flex-end' }}>Add</button>
        </div>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </Section>
  );
}
