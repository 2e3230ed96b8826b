import { useState } from 'react';
import type { DisplayDto, DisplayPatch } from '../../../contract/admin.ts';
import { MODES, ROTATIONS, type SelectableMode } from '../../lib/options.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Field } from '../common/Field.tsx';
import { Section } from '../common/Section.tsx';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');
const zonesWith = (current: string) => (TIME_ZONES.includes(current) ? TIME_ZONES : [current, ...TIME_ZONES]);

/** Name, panel, orientation, time zone and how the display changes pictures. */
export function GeneralSettings({ display }: { display: DisplayDto }) {
  const profiles = useDisplays((s) => s.profiles);
  const update = useDisplays((s) => s.update);
  const [draft, setDraft] = useState({
    name: display.name,
    profileId: display.profileId,
    rotation: display.rotation as DisplayPatch['rotation'],
    timeZone: display.timeZone,
    defaultMode: display.defaultMode as SelectableMode,
    rotationMinutes: String(Math.round(display.rotationIntervalS / 60)),
    pollIntervalS: String(display.pollIntervalS),
    quietStart: display.quietStart ?? '',
    quietEnd: display.quietEnd ?? '',
    notifyOffline: display.notifyOffline,
  });
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...change }));

  const save = async () => {
    const rotationMinutes = Number(draft.rotationMinutes);
    const pollIntervalS = Number(draft.pollIntervalS);
    if (!Number.isInteger(rotationMinutes) || rotationMinutes < 1) return setError('Change the picture every whole number of minutes (1 or more).');
    if (!Number.isInteger(pollIntervalS) || pollIntervalS < 5) return setError('The frame polls every 5 seconds or more.');
    if (Boolean(draft.quietStart) !== Boolean(draft.quietEnd)) return setError('Quiet hours need both a start and an end, or neither.');
    setError(null);
    await update(display.id, {
      name: draft.name, profileId: draft.profileId, rotation: draft.rotation, timeZone: draft.timeZone, defaultMode: draft.defaultMode,
      rotationIntervalS: rotationMinutes * 60, pollIntervalS, quietStart: draft.quietStart || null, quietEnd: draft.quietEnd || null,
      notifyOffline: draft.notifyOffline,
    });
  };

  return (
    <Section title="Display" actions={<button className="primary" onClick={save}>Save</button>}>
      <div className="fields">
        <Field label="Name"><input value={draft.name} onChange={(e) => set({ name: e.target.value })} /></Field>
        <Field label="Panel">
          <select value={draft.profileId} onChange={(e) => set({ profileId: e.target.value })}>
            {profiles.map((p) => <option key={p.id} value={p.id}>{p.label} ({p.width}×{p.height})</option>)}
          </select>
        </Field>
        <Field label="Rotation">
          <select value={draft.rotation} onChange={(e) => set({ rotation: Number(e.target.value) as DisplayPatch['rotation'] })}>
            {ROTATIONS.map((r) => <option key={r} value={r}>{r}°</option>)}
          </select>
        </Field>
        <Field label="Time zone">
          <select value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
            {zonesWith(display.timeZone).map((tz) => <option key={tz}>{tz}</option>)}
          </select>
        </Field>
        <Field label="Shows by default" hint="Outside the weekly schedule">
          <select value={draft.defaultMode} onChange={(e) => set({ defaultMode: e.target.value as SelectableMode })}>
            {MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
          </select>
        </Field>
        <Field label="New photo every (minutes)"><input inputMode="numeric" value={draft.rotationMinutes} onChange={(e) => set({ rotationMinutes: e.target.value })} /></Field>
        <Field label="Frame checks in every (seconds)"><input inputMode="numeric" value={draft.pollIntervalS} onChange={(e) => set({ pollIntervalS: e.target.value })} /></Field>
        <Field label="Quiet hours from" hint="No picture changes"><input type="time" value={draft.quietStart} onChange={(e) => set({ quietStart: e.target.value })} /></Field>
        <Field label="Quiet hours until"><input type="time" value={draft.quietEnd} onChange={(e) => set({ quietEnd: e.target.value })} /></Field>
        <Field label="Notify when offline" hint="A desktop notification once per outage: silent for three check-ins, or past its sleep schedule">
          <input type="checkbox" checked={draft.notifyOffline} onChange={(e) => set({ notifyOffline: e.target.checked })} />
        </Field>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </Section>
  );
}
