import { useState } from 'react';
import type { FieldValue, ScreenDto } from '../../../contract/admin.ts';
import { useScreens } from '../../stores/screens-store.ts';
import { Field } from '../common/Field.tsx';
import { FieldInput } from './FieldInput.tsx';

/** A screen's name, refresh interval, polling URL and custom fields, saved together; the recipe checks the values. */
export function ScreenEditor({ screen }: { screen: ScreenDto }) {
  const update = useScreens((s) => s.update);
  const [name, setName] = useState(screen.name);
  const [refresh, setRefresh] = useState(String(screen.refreshMinutes));
  const [values, setValues] = useState<Record<string, FieldValue | null>>(() => Object.fromEntries(screen.fields.map((f) => [f.keyname, f.value])));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    setSaved(false);
    const fieldValues = Object.fromEntries(screen.fields.map((f) => [f.keyname, values[f.keyname] === '' ? null : values[f.keyname] ?? null]));
    const message = await update(screen.id, { name, refreshMinutes: Number(refresh), fieldValues });
    setError(message);
    setSaved(message === null);
  };

  return (
    <div className="screen-editor stack">
      <div className="row wrap">
        <Field label="Name"><input value={name} onChange={(e) => setName(e.target.value)} /></Field>
        <Field label="Refresh every (minutes)"><input inputMode="numeric" value={refresh} onChange={(e) => setRefresh(e.target.value)} /></Field>
      </div>
      {screen.webhookUrl && (
        <Field label="Webhook URL" hint='POST {"merge_variables": {…}} here from Home Assistant or a script on this network'>
          <input readOnly value={screen.webhookUrl} onFocus={(e) => e.target.select()} />
        </Field>
      )}
      {screen.fields.map((field) => (
        <Field key={field.keyname} label={field.name || field.keyname} hint={field.description ?? undefined}>
          <FieldInput field={field} value={values[field.keyname] ?? null} webhookUrl={screen.webhookUrl} onChange={(value) => setValues((v) => ({ ...v, [field.keyname]: value }))} />
        </Field>
      ))}
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="row">
        <button className="primary" onClick={() => void save()}>Save</button>
        {saved && <span className="muted small">Saved</span>}
      </div>
    </div>
  );
}
