import { useDisplays } from '../stores/displays-store.ts';
import { usePhotos } from '../stores/photos-store.ts';

/** Counts shown beside a view's name in the sidebar (views/registry.ts). */

export function PendingDisplaysCount() {
  const pending = useDisplays((s) => s.displays.filter((d) => d.status === 'pending').length);
  return pending ? <span className="nav-count">{pending} waiting</span> : null;
}

export function PhotoCount() {
  const total = usePhotos((s) => s.total);
  return total ? <span className="nav-count">{total}</span> : null;
}
