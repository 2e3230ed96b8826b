import { useState, type FormEvent } from 'react';
import { useDashboard } from '../../stores/dashboard-store.ts';
import { Field } from '../common/Field.tsx';
import { Section } from '../common/Section.tsx';
import { CalendarStatus } from './CalendarStatus.tsx';

/** The ICS feeds the dashboard's agenda reads. */
export function CalendarList() {
  const calendars = useDashboard((s) => s.calendars);
  const { addCalendar, setCalendarEnabled, removeCalendar } = useDashboard.getState();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const problem = await addCalendar(name, url);
    setError(problem);
    if (!problem) {
      setName('');
      setUrl('');
    }
  };

  return (
    <Section title="Calendars">
      <div className="stack">
        {calendars.length === 0 && <p className="muted small">No calendars yet. Add the ICS link of a Google, iCloud, Outlook or Nextcloud calendar (its “secret address”).</p>}
        <ul className="calendar-list">
          {calendars.map((c) => (
            <li key={c.id} className="spread">
              <div>
                <span className="calendar-dot" style={{ background: c.color }} /> <strong>{c.name}</strong>
                <CalendarStatus calendar={c} />
              </div>
              <div className="row">
                <label className="small row"><input type="checkbox" checked={c.enabled} onChange={(e) => setCalendarEnabled(c.id, e.target.checked)} /> Shown</label>
                <button className="quiet" onClick={() => removeCalendar(c.id)}>Remove</button>
              </div>
            </li>
          ))}
        </ul>
        <form className="stack" onSubmit={add}>
          <div className="fields">
            <Field label="Name"><input value={name} placeholder="Family" onChange={(e) => setName(e.target.value)} /></Field>
            <Field label="ICS address"><input value={url} placeholder="https://…/basic.ics" onChange={(e) => setUrl(e.target.value)} /></Field>
          </div>
          <p className="small">A CalDAV calendar (Nextcloud, iCloud, Fastmail, Radicale) goes in the same field as <code>caldavs://USER:APP-PASSWORD@HOST/PATH#CALENDAR</code>.</p>
          {error && <p className="field-error" role="alert">{error}</p>}
          <div><button type="submit" disabled={!name.trim() || !url.trim()}>Add calendar</button></div>
        </form>
      </div>
    </Section>
  );
}
