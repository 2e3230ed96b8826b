import { useState } from 'react';
import { useSettings } from '../../stores/settings-store.ts';
import { Field } from '../common/Field.tsx';

/** One setting as a text field, saved on Enter or when the field loses focus; secrets are never shown. */
export function SettingInput({ settingKey, label, hint, placeholder }: { settingKey: string; label: string; hint?: string; placeholder?: string }) {
  const setting = useSettings((s) => s.settings[settingKey]);
  const save = useSettings((s) => s.save);
  const secret = setting?.secret ?? false;
  const stored = secret ? '' : setting?.value ?? '';
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<string | null>(null);

  const commit = async () => {
    if (value === stored) return;
    const problem = await save(settingKey, value);
    setError(problem);
    if (!problem && secret) setValue('');
  };

  return (
    <Field label={label} error={error} hint={secret ? (setting?.isSet ? 'Saved (hidden). Type a new one to replace it.' : 'Not set') : hint}>
      <input
        type={secret ? 'password' : 'text'}
        value={value}
        placeholder={secret && setting?.isSet ? '••••••••' : placeholder}
        autoComplete="off"
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </Field>
  );
}
