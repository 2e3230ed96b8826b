import type { ReactNode } from 'react';

export function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="section">
      <div className="spread section-title">
        <h2>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
