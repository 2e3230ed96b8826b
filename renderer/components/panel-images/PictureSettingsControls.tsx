import type { PictureSettingsDto } from '../../../contract/dtos.ts';
import { DITHERS } from '../../lib/options.ts';
import { Field } from '../common/Field.tsx';

type Factor = 'vividness' | 'contrast' | 'brightness';

const SLIDERS: { key: Factor; label: string; hint: string }[] = [
  { key: 'vividness', label: 'Vividness', hint: 'more or less colour; hue and lightness stay' },
  { key: 'contrast', label: 'Contrast', hint: 'spread of light and dark around middle grey' },
  { key: 'brightness', label: 'Brightness', hint: 'mid-tones lighter or darker; black and white stay' },
];

/** Picture settings (dithering and the adjustments) as controls; every change goes straight to `onChange`. */
export function PictureSettingsControls({ value, onChange }: { value: PictureSettingsDto; onChange: (next: PictureSettingsDto) => void }) {
  return (
    <div className="fields">
      <Field label="Dithering">
        <select value={value.dither} onChange={(e) => onChange({ ...value, dither: e.target.value as PictureSettingsDto['dither'] })}>
          {DITHERS.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
        </select>
      </Field>
      {SLIDERS.map(({ key, label, hint }) => (
        <Field key={key} label={`${label}: ${(value[key] ?? 1).toFixed(2)}`} hint={hint}>
          <input type="range" aria-label={label} min={0} max={2} step={0.05} value={value[key] ?? 1} onChange={(e) => onChange({ ...value, [key]: Number(e.target.value) })} />
        </Field>
      ))}
    </div>
  );
}

/** Picture settings with every adjustment filled in (1 = as the picture is). */
export const completePictureSettings = (settings: Partial<PictureSettingsDto>): PictureSettingsDto => ({
  dither: settings.dither ?? 'floyd-steinberg',
  vividness: settings.vividness ?? 1,
  contrast: settings.contrast ?? 1,
  brightness: settings.brightness ?? 1,
});
