import { useNav } from '../../stores/nav-store.ts';
import { VIEWS, viewById, type ViewDefinition, type ViewId } from '../../views/registry.ts';

const ENTRIES: readonly (ViewDefinition & { id: ViewId })[] = VIEWS;

export function Sidebar() {
  const current = useNav((s) => viewById(s.view).id);
  const go = useNav((s) => s.go);

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Inkstand<span>e-ink screens of this home</span></div>
      {ENTRIES.map(({ id, label, badge: Badge }) => (
        <button key={id} className="nav-item" aria-current={id === current ? 'page' : undefined} onClick={() => go(id)}>
          <span>{label}</span>
          {Badge && <Badge />}
        </button>
      ))}
    </nav>
  );
}
