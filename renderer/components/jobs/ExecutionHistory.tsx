import { dateTime, duration } from '../../lib/format.ts';
import { useJobs } from '../../stores/jobs-store.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function ExecutionHistory() {
  const executions = useJobs((s) => s.executions);
  const openExecution = useJobs((s) => s.openExecution);
  const openLog = useJobs((s) => s.openLog);
  if (!executions.length) return <p className="muted small">This job has not run yet.</p>;
  return (
    <table className="executions">
      <thead><tr><th>Started</th><th>Status</th><th>Took</th><th>Result</th></tr></thead>
      <tbody>
        {executions.map((e) => (
          <tr key={e.id} className="selectable" aria-selected={e.id === openExecution} onClick={() => openLog(e.id)}>
            <td className="small">{dateTime(e.startedAt ?? e.queuedAt)}<span className="muted"> · {e.trigger}</span></td>
            <td><StatusBadge status={e.status} /></td>
            <td className="small">{duration(e.runtimeMs)}</td>
            <td className="small">{e.error ?? e.summary ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
