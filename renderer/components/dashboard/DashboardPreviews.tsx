import { useEffect } from 'react';
import { useDashboard } from '../../stores/dashboard-store.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Section } from '../common/Section.tsx';

/** The dashboard as each paired display would draw it now, in its panel's colours and size. */
export function DashboardPreviews() {
  const all = useDisplays((s) => s.displays);
  const displays = all.filter((d) => d.status === 'approved');
  const previews = useDashboard((s) => s.previews);
  const loadPreview = useDashboard((s) => s.loadPreview);
  const ids = displays.map((d) => d.id).join(',');

  useEffect(() => {
    for (const id of ids ? ids.split(',').map(Number) : []) void loadPreview(id);
  }, [ids, loadPreview]);

  return (
    <Section title="Preview" actions={displays.length > 0 && <button onClick={() => displays.forEach((d) => loadPreview(d.id))}>Render again</button>}>
      {displays.length === 0 && <p className="muted small">Pair a display to see its dashboard here.</p>}
      <div className="dashboard-previews">
        {displays.map((d) => (
          <figure key={d.id}>
            {previews[d.id] ? <img src={previews[d.id]} alt={`Dashboard on ${d.name}`} /> : <div className="thumb-placeholder preview-placeholder" />}
            <figcaption className="small muted">{d.name} · {d.profileId}</figcaption>
          </figure>
        ))}
      </div>
    </Section>
  );
}
