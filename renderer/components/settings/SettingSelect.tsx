import { toastProblem } from '../../stores/server-errors.ts';
import { useSettings } from '../../stores/settings-store.ts';
import { Field } from '../common/Field.tsx';

export function SettingSelect({ settingKey, label, options }: { settingKey: string; label: string; options: { value: string; label: string }[] }) {
  const value = useSettings((s) => s.settings[settingKey]?.value ?? '');
  const save = useSettings((s) => s.save);
  return (
    <Field label={label}>
      <select value={value} onChange={async (e) => toastProblem(await save(settingKey, e.target.value))}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}
