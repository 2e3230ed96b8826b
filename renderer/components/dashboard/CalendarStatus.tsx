import type { CalendarDto } from '../../../contract/admin.ts';
import { timeAgo } from '../../lib/format.ts';

/** How a calendar's last download went: its error (the earlier events stay), and what was skipped or read differently. */
export function CalendarStatus({ calendar }: { calendar: CalendarDto }) {
  const { lastError, lastFetchedAt, upcomingEvents, skipped, notes } = calendar;
  return (
    <div className="calendar-status small">
      {lastError && <p className="field-error">{lastError}</p>}
      <p className="muted">
        {lastFetchedAt ? `${upcomingEvents} upcoming · ${lastError ? 'last read' : 'fetched'} ${timeAgo(lastFetchedAt)}` : lastError ? 'Nothing read yet' : 'Not fetched yet'}
      </p>
      <Report title={`${skipped.length} unreadable ${skipped.length === 1 ? 'event' : 'events'} skipped`} lines={skipped} />
      <Report title={`${notes.length} ${notes.length === 1 ? 'note' : 'notes'} on how it was read`} lines={notes} />
    </div>
  );
}

function Report({ title, lines }: { title: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <details className="calendar-report">
      <summary>{title}</summary>
      <ul>{lines.map((line) => <li key={line}>{line}</li>)}</ul>
    </details>
  );
}
