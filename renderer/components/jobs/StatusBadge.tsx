const TONE: Record<string, string> = { success: 'ok', running: 'accent', queued: 'accent', skipped: '', error: 'bad', interrupted: 'warn' };

export function StatusBadge({ status }: { status: string | null }) {
  if (!status) return <span className="muted small">never run</span>;
  return <span className={`badge ${TONE[status] ?? ''}`} data-testid="status">{status}</span>;
}
