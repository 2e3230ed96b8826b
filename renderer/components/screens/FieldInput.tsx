import type { FieldValue, ScreenFieldDto } from '../../../contract/admin.ts';

/** The control a recipe's custom field asks for: text, long text, number, switch, date, choice (one or several), secret, or a URL to copy. */
export function FieldInput({ field, value, webhookUrl, onChange }: { field: ScreenFieldDto; value: FieldValue | null; webhookUrl: string | null; onChange(value: FieldValue | null): void }) {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);
  const label = field.name || field.keyname;
  switch (field.type) {
    case 'text':
      return <textarea aria-label={label} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
      return <input aria-label={label} type="number" value={text} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
    case 'boolean':
      return <input aria-label={label} type="checkbox" checked={text === 'true' || text === 'yes'} onChange={(e) => onChange(e.target.checked ? 'true' : 'false')} />;
    case 'date':
      return <input aria-label={label} type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'time':
      return <input aria-label={label} type="time" value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'password':
      return <input aria-label={label} type="password" autoComplete="off" value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'copyable_webhook_url':
      return <input aria-label={label} readOnly value={webhookUrl ?? ''} onFocus={(e) => e.target.select()} />;
    case 'copyable':
      return <input aria-label={label} readOnly value={text} onFocus={(e) => e.target.select()} />;
    case 'select':
      return field.multiple ? (
        <select aria-label={label} multiple value={Array.isArray(value) ? value : text ? [text] : []} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}>
          {(field.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      ) : (
        <select aria-label={label} value={text} onChange={(e) => onChange(e.target.value)}>
          {!text && <option value="">Choose…</option>}
          {(field.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      );
    case 'url':
      return <input aria-label={label} type="url" value={text} onChange={(e) => onChange(e.target.value)} />;
    default:
      // string, multi_string (one comma-joined string) and types only TRMNL's site fills (xhrSelect…).
      return <input aria-label={label} value={text} placeholder={field.type === 'multi_string' ? 'one, two, three' : undefined} onChange={(e) => onChange(e.target.value)} />;
  }
}
