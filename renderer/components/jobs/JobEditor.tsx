import { useState } from 'react';
import type { JobDto } from '../../../contract/admin.ts';
import { useJobs } from '../../stores/jobs-store.ts';
import { Field } from '../common/Field.tsx';
import { Section } from '../common/Section.tsx';

function parseParams(text: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : 'Params are a JSON object, e.g. {"max_amount": 5}';
  } catch (error) {
    return `Params are not valid JSON: ${(error as Error).message}`;
  }
}

/** Schedule and params of one job; the server checks both and its message is shown as it is. */
export function JobEditor({ job }: { job: JobDto }) {
  const { update, run } = useJobs.getState();
  const [cron, setCron] = useState(job.cron ?? '');
  const [timeZone, setTimeZone] = useState(job.timeZone);
  const [params, setParams] = useState(JSON.stringify(job.params, null, 2));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const parsed = parseParams(params);
  const save = async () => {
    if (typeof parsed === 'string') return setError(parsed);
    const message = await update(job.name, { cron: cron.trim() || null, timeZone, params: parsed });
    setError(message);
    setSaved(message === null);
  };

  return (
    <Section
      title={job.name}
      actions={
        <div className="row">
          <button disabled={typeof parsed === 'string' || !job.registered} onClick={() => typeof parsed !== 'string' && run(job.name, parsed)}>Run with these params</button>
          <button className="primary" onClick={save}>Save</button>
        </div>
      }
    >
      <div className="stack">
        <div className="fields">
          <Field label="Schedule (cron)" hint="e.g. 0 */2 * * * — empty: run by hand only">
            <input className="mono" value={cron} placeholder="manual" onChange={(e) => { setCron(e.target.value); setSaved(false); }} />
          </Field>
          <Field label="Time zone"><input value={timeZone} onChange={(e) => { setTimeZone(e.target.value); setSaved(false); }} /></Field>
        </div>
        <Field label="Params (JSON)" error={typeof parsed === 'string' ? parsed : null}>
          <textarea rows={Math.min(10, params.split('\n').length + 1)} value={params} onChange={(e) => { setParams(e.target.value); setSaved(false); }} spellCheck={false} />
        </Field>
        {error && <p className="field-error" role="alert">{error}</p>}
        {saved && <p className="small" style={{ color: 'var(--ok)' }}>Saved.</p>}
      </div>
    </Section>
  );
}
