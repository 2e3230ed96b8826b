import { useEffect, useRef } from 'react';
import { useJobs } from '../../stores/jobs-store.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** The open execution's log, growing live as the job writes it. */
export function LogView() {
  const executionId = useJobs((s) => s.openExecution);
  const lines = useJobs((s) => (executionId === null ? undefined : s.logs[executionId]));
  const execution = useJobs((s) => s.executions.find((e) => e.id === executionId));
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [lines?.length]);

  if (executionId === null) return <p className="muted small">Choose a run to see its log.</p>;
  const progress = execution?.progress;
  return (
    <div className="log-view" data-testid="log-view">
      <div className="spread">
        <h3>Run #{executionId}</h3>
        {execution && <StatusBadge status={execution.status} />}
      </div>
      {progress && progress.total > 0 && <progress max={progress.total} value={progress.done} aria-label="Progress" />}
      <pre className="log-lines">
        {(lines ?? []).map((l) => (
          <div key={l.seq} className={`log-line ${l.level}`} data-testid="log-line">
            <span className="log-time">{new Date(l.time).toLocaleTimeString()}</span> <span className="log-level">{l.level}</span> {l.message}
          </div>
        ))}
        {lines?.length === 0 && <span className="muted">No log lines yet.</span>}
        <div ref={end} />
      </pre>
    </div>
  );
}
