import { toastProblem } from '../../stores/server-errors.ts';
import { useSettings } from '../../stores/settings-store.ts';
import { Section } from '../common/Section.tsx';

export function DesktopSettings() {
  const startAtLogin = useSettings((s) => s.settings['desktop.start_at_login']?.value === 'true');
  const save = useSettings((s) => s.save);
  return (
    <Section title="Desktop app">
      <label className="row">
        <input type="checkbox" checked={startAtLogin} onChange={async (e) => toastProblem(await save('desktop.start_at_login', String(e.target.checked)))} />
        Start Inkstand when I log in
      </label>
      <p className="small muted">Closing the window keeps Inkstand running in the tray, so the frames keep their pictures.</p>
    </Section>
  );
}
