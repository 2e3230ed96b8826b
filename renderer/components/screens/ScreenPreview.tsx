import { useEffect, useState } from 'react';
import type { ScreenPreviewDto, ScreenView } from '../../../contract/admin.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { useScreens } from '../../stores/screens-store.ts';

const VIEWS: { value: ScreenView; label: string }[] = [
  { value: 'full', label: 'Full' },
  { value: 'half_horizontal', label: 'Half (top/bottom)' },
  { value: 'half_vertical', label: 'Half (left/right)' },
  { value: 'quadrant', label: 'Quadrant' },
];

/** A screen (in any view) or a mashup as a panel would show it, at any moment: the real panel image, nothing stored. */
export function ScreenPreview({ screenId, mashupId, version }: { screenId?: number; mashupId?: number; version?: string }) {
  const profiles = useDisplays((s) => s.profiles);
  const preview = useScreens((s) => s.preview);
  const [profileId, setProfileId] = useState('trmnl-og-1bit');
  const [view, setView] = useState<ScreenView>('full');
  const [at, setAt] = useState('');
  const [shown, setShown] = useState<ScreenPreviewDto | null>(null);

  useEffect(() => {
    let live = true;
    const instant = at ? new Date(at).toISOString() : undefined;
    void preview({ screenId, mashupId, profileId, view: screenId !== undefined ? view : undefined, at: instant }).then((result) => {
      if (live && result) setShown(result);
    });
    return () => {
      live = false;
    };
  }, [screenId, mashupId, profileId, view, at, version, preview]);

  return (
    <div className="screen-preview stack">
      <div className="row wrap">
        <select aria-label="Panel" value={profileId} onChange={(e) => setProfileId(e.target.value)}>
          {(profiles.length ? profiles : [{ id: profileId, label: profileId }]).map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
        {screenId !== undefined && (
          <select aria-label="View" value={view} onChange={(e) => setView(e.target.value as ScreenView)}>
            {VIEWS.map((v) => <option key={v.value} value={v.value}>{v.label}</option>)}
          </select>
        )}
        <input aria-label="At" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} title="Preview as if the clock showed this time" />
      </div>
      {shown
        ? <img className="screen-preview-image" src={`data:${shown.mime};base64,${shown.dataBase64}`} alt="Preview" width={shown.width} height={shown.height} />
        : <div className="thumb-placeholder preview-placeholder" />}
      {shown && <p className="muted small" data-testid="drawn-by">{shown.drawnBy.reason}</p>}
    </div>
  );
}
