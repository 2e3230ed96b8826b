import { useDisplays } from '../../stores/displays-store.ts';
import { useNav, VIEWS, type View } from '../../stores/nav-store.ts';
import { usePhotos } from '../../stores/photos-store.ts';

const LABELS: Record<View, string> = { displays: 'Displays', screens: 'Screens', photos: 'Photos', jobs: 'Jobs', dashboard: 'Dashboard', settings: 'Settings' };

export function Sidebar() {
  const { view, go } = useNav();
  const pending = useDisplays((s) => s.displays.filter((d) => d.status === 'pending').length);
  const photoCount = usePhotos((s) => s.total);
  const counts: Partial<Record<View, string>> = { displays: pending ? `${pending} waiting` : undefined, photos: photoCount ? String(photoCount) : undefined };

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Inkstand<span>e-ink screens of this home</span></div>
      {VIEWS.map((v) => (
        <button key={v} className="nav-item" aria-current={v === view ? 'page' : undefined} onClick={() => go(v)}>
          <span>{LABELS[v]}</span>
          {counts[v] && <span className="nav-count">{counts[v]}</span>}
        </button>
      ))}
    </nav>
  );
}
