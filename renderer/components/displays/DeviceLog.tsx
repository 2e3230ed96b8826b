import { useEffect, useState } from 'react';
import type { DisplayDto, DisplayLogDto } from '../../../contract/admin.ts';
import { dateTime } from '../../lib/format.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Section } from '../common/Section.tsx';

/** What the device itself reported (TRMNL firmware's log), newest first; read again whenever the display changes. */
export function DeviceLog({ display }: { display: DisplayDto }) {
  const [logs, setLogs] = useState<DisplayLogDto[] | null>(null);
  useEffect(() => {
    let current = true;
    void useDisplays.getState().logs(display.id).then((entries) => current && setLogs(entries ?? []));
    return () => {
      current = false;
    };
  }, [display]);

  return (
    <Section title="Device log">
      {logs === null ? <p className="small muted">Loading…</p> : logs.length === 0 ? (
        <p className="small muted">Nothing yet. TRMNL firmware sends its log when something goes wrong (Wi-Fi, downloads, images).</p>
      ) : (
        <ol className="device-log" data-testid="device-log">
          {logs.map((entry) => (
            <li key={entry.id}>
              <span className="small muted">{dateTime(entry.loggedAt ?? entry.receivedAt)}</span>
              <span>{entry.message}</span>
              {entry.source && <code className="small muted">{entry.source}</code>}
              {entry.details && (
                <details>
                  <summary className="small muted">Details</summary>
                  <pre className="mono">{JSON.stringify(entry.details, null, 2)}</pre>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
