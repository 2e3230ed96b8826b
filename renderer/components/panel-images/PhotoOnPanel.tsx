import { useState } from 'react';
import type { PictureSettingsDto } from '../../../contract/admin.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Field } from '../common/Field.tsx';
import { Section } from '../common/Section.tsx';
import { PanelImagePreview, type PreviewTarget } from './PanelImagePreview.tsx';
import { PictureSettingsControls, completePictureSettings } from './PictureSettingsControls.tsx';

/**
 * One photo on any display or panel profile (also one no display uses yet), with picture
 * settings to try; a display starts from its own saved settings.
 */
export function PhotoOnPanel({ photoId }: { photoId: number }) {
  const displays = useDisplays((s) => s.displays);
  const profiles = useDisplays((s) => s.profiles);
  const [choice, setChoice] = useState<string>(displays[0] ? `display:${displays[0].id}` : `profile:${profiles[0]?.id ?? 'inky-impression-7.3'}`);
  const [settings, setSettings] = useState<PictureSettingsDto>(completePictureSettings(displays[0]?.pictureSettings ?? {}));
  const [kind, id] = choice.split(/:(.*)/s);
  const target: PreviewTarget = kind === 'display' ? { displayId: Number(id) } : { profileId: id };

  const choose = (value: string) => {
    setChoice(value);
    const [k, v] = value.split(/:(.*)/s);
    const display = k === 'display' ? displays.find((d) => d.id === Number(v)) : undefined;
    setSettings(completePictureSettings(display?.pictureSettings ?? {}));
  };

  return (
    <Section title="On a panel">
      <Field label="Panel">
        <select value={choice} onChange={(e) => choose(e.target.value)}>
          {displays.length > 0 && (
            <optgroup label="Displays">
              {displays.map((d) => <option key={d.id} value={`display:${d.id}`}>{d.name}</option>)}
            </optgroup>
          )}
          <optgroup label="Panel profiles">
            {profiles.map((p) => <option key={p.id} value={`profile:${p.id}`}>{p.label}</option>)}
          </optgroup>
        </select>
      </Field>
      <PictureSettingsControls value={settings} onChange={setSettings} />
      <PanelImagePreview photoId={photoId} target={target} settings={settings} />
    </Section>
  );
}
