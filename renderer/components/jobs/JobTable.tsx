import { dateTime } from '../../lib/format.ts';
import { useJobs } from '../../stores/jobs-store.ts';
import { toastProblem } from '../../stores/server-errors.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** Every job: when it runs, how it last went; switch it on or off, or run it now. */
export function JobTable() {
  const jobs = useJobs((s) => s.jobs);
  const selected = useJobs((s) => s.selected);
  const { select, run, update } = useJobs.getState();
  const setEnabled = async (name: string, enabled: boolean) => {
    toastProblem(await update(name, { enabled }));
  };
  return (
    <div className="card">
      <table>
        <thead>
          <tr><th>Job</th><th>Schedule</th><th>Next run</th><th>Last run</th><th>On</th><th /></tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.name} className="selectable" aria-selected={job.name === selected} onClick={() => select(job.name)} data-testid={`job-${job.name}`}>
              <td>
                <strong>{job.name}</strong>
                <p className="small muted">{job.description ?? job.kind}{!job.registered && ' · unknown kind'}</p>
              </td>
              <td>{job.cron ? <code>{job.cron}</code> : <span className="muted">Manual</span>}</td>
              <td className="small">{job.enabled && job.cron ? dateTime(job.nextRunAt) : '—'}</td>
              <td><StatusBadge status={job.lastExecution?.status ?? null} /></td>
              <td onClick={(e) => e.stopPropagation()}>
                <input type="checkbox" aria-label={`Enable ${job.name}`} checked={job.enabled} onChange={(e) => setEnabled(job.name, e.target.checked)} />
              </td>
              <td onClick={(e) => e.stopPropagation()}>
                <button disabled={!job.registered} onClick={() => run(job.name)}>Run now</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
