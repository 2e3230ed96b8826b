import { useState } from 'react';
import { useSettings } from '../../stores/settings-store.ts';
import { Field } from '../common/Field.tsx';

/** One setting as a text field, saved on Enter or when the field loses focus; secrets are never shown. */
export function SettingInput({ settingKey, label, hint, placeholder }: { settingKey: string; label: string; hint?: string; placeholder?: string }) {
  const setting = useSettings((s) => s.settings[settingKey]);
  const save = useSettings((s) => s.save);
  const secret = setting?.secret ?? false;
  const stored = secret ? '' : setting?.value ?? '';
  // null: not being edited, so the field follows the stored value.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = async () => {
    if (draft === null || draft === stored) return setDraft(null);
    const problem = await save(settingKey, draft);
    setError(problem);
    if (!problem) setDraft(null);
  };

  return (
    <Field label={label} error={error} hint={secret ? (setting?.isSet ? 'Saved (hidden). Type a new one to replace it.' : 'Not set') : hint}>
      <input
        type={secret ? 'password' : 'text'}
        value={draft ?? stored}
        placeholder={secret && setting?.isSet ? '••••••••' : placeholder}
        autoComplete="off"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </Field>
  );
}
