import { EmptyState } from '../components/common/EmptyState.tsx';
import { Section } from '../components/common/Section.tsx';
import { ViewHeader } from '../components/common/ViewHeader.tsx';
import { ExecutionHistory } from '../components/jobs/ExecutionHistory.tsx';
import { JobEditor } from '../components/jobs/JobEditor.tsx';
import { JobTable } from '../components/jobs/JobTable.tsx';
import { LogView } from '../components/jobs/LogView.tsx';
import { useJobs } from '../stores/jobs-store.ts';
import './jobs.css';

export function JobsView() {
  const jobs = useJobs((s) => s.jobs);
  const loaded = useJobs((s) => s.loaded);
  const job = useJobs((s) => s.jobs.find((j) => j.name === s.selected));

  return (
    <>
      <ViewHeader title="Jobs" subtitle="Background work: rating photos, making art, fetching weather and calendars, refreshing screens." />
      {loaded && jobs.length === 0 && <EmptyState title="No jobs">The built-in jobs appear here when the server has started once.</EmptyState>}
      <div className="stack">
        {jobs.length > 0 && <JobTable />}
        {job ? (
          <div className="two-col">
            <div className="card"><JobEditor key={job.name} job={job} /></div>
            <div className="card">
              <Section title="Runs"><ExecutionHistory /></Section>
              <Section title="Log"><LogView /></Section>
            </div>
          </div>
        ) : jobs.length > 0 && <p className="muted small">Choose a job to edit it and see its runs.</p>}
      </div>
    </>
  );
}
