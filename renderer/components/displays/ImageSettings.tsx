import { useState } from 'react';
import type { DisplayDto } from '../../../contract/admin.ts';
import { DITHERS } from '../../lib/options.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Field } from '../common/Field.tsx';
import { Section } from '../common/Section.tsx';

interface Adjustments {
  dither: string;
  paletteSaturation: number;
  saturation: number;
  contrast: number;
  brightness: number;
}

const SLIDERS: { key: Exclude<keyof Adjustments, 'dither'>; label: string; min: number; max: number }[] = [
  { key: 'paletteSaturation', label: 'Palette saturation', min: 0, max: 1 },
  { key: 'saturation', label: 'Saturation', min: 0, max: 3 },
  { key: 'contrast', label: 'Contrast', min: 0, max: 3 },
  { key: 'brightness', label: 'Brightness', min: 0, max: 3 },
];

/** How photos are prepared for this panel: dithering and tone. */
export function ImageSettings({ display }: { display: DisplayDto }) {
  const update = useDisplays((s) => s.update);
  const stored = display.frameSettings as Partial<Adjustments>;
  const [draft, setDraft] = useState<Adjustments>({
    dither: stored.dither ?? 'floyd-steinberg',
    paletteSaturation: stored.paletteSaturation ?? 0.5,
    saturation: stored.saturation ?? 1,
    contrast: stored.contrast ?? 1,
    brightness: stored.brightness ?? 1,
  });

  return (
    <Section title="Picture" actions={<button className="primary" onClick={() => update(display.id, { frameSettings: { ...draft } })}>Save picture settings</button>}>
      <div className="fields">
        <Field label="Dithering">
          <select value={draft.dither} onChange={(e) => setDraft({ ...draft, dither: e.target.value })}>
            {DITHERS.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
          </select>
        </Field>
        {SLIDERS.map(({ key, label, min, max }) => (
          <Field key={key} label={`${label}: ${draft[key].toFixed(2)}`}>
            <input type="range" min={min} max={max} step={0.05} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })} />
          </Field>
        ))}
      </div>
    </Section>
  );
}
