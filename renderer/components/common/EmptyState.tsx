import type { ReactNode } from 'react';

/** Tells a new user what this place is for and what to do next. */
export function EmptyState({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="empty" role="status">
      <h2>{title}</h2>
      <p>{children}</p>
      {actions && <div className="row" style={{ justifyContent: 'center' }}>{actions}</div>}
    </div>
  );
}
