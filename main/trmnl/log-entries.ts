import { z } from 'zod';

/** TRMNL firmware sends up to 5 stored entries at a time; anything far beyond that is not a device. */
const MAX_ENTRIES = 50;
const MAX_MESSAGE = 1000;
const MAX_DETAILS = 4000;
/** Device clocks that never synced report 0 or a few seconds since boot. */
const EARLIEST_PLAUSIBLE = Date.UTC(2020, 0, 1);

export interface LogEntry {
  loggedAt: Date | null;
  message: string;
  source: string | null;
  details: string | null;
}

export class LogPayloadError extends Error {}

const entryObject = z.record(z.string(), z.unknown());
/**
 * The firmware's two shapes: `{"log": {"logs_array": [...]}}` (firmware 1.x: `log_message`,
 * `creation_timestamp`, `log_sourcefile`, `log_codeline`, `device_status_stamp`) and the revised
 * `{"logs": [...]}` (`message`, `created_at`, `source_path`, `source_line`, …).
 */
const payload = z.union([
  z.object({ logs: z.array(entryObject).min(1).max(MAX_ENTRIES) }),
  z.object({ log: z.object({ logs_array: z.array(entryObject).min(1).max(MAX_ENTRIES) }) }),
]);

/** Reads a `POST /api/log` body into entries, or throws LogPayloadError: all entries are good, or none is taken. */
export function parseLogPayload(body: unknown): LogEntry[] {
  const parsed = payload.safeParse(body);
  if (!parsed.success) throw new LogPayloadError('expected {"logs": [entries]} or {"log": {"logs_array": [entries]}} with 1 to 50 entries');
  const entries = 'logs' in parsed.data ? parsed.data.logs : parsed.data.log.logs_array;
  return entries.map((entry, index) => toEntry(entry, index));
}

function toEntry(raw: Record<string, unknown>, index: number): LogEntry {
  const { log_message, message, creation_timestamp, created_at, log_sourcefile, source_path, log_codeline, source_line, ...rest } = raw;
  const text = typeof log_message === 'string' ? log_message : message;
  if (typeof text !== 'string' || text.trim() === '') throw new LogPayloadError(`entry ${index + 1} has no message`);
  const details = Object.keys(rest).length > 0 ? JSON.stringify(rest) : null;
  if (details && details.length > MAX_DETAILS) throw new LogPayloadError(`entry ${index + 1} is too large`);
  return {
    loggedAt: epochSeconds(creation_timestamp ?? created_at),
    message: text.trim().slice(0, MAX_MESSAGE),
    source: sourceOf(log_sourcefile ?? source_path, log_codeline ?? source_line),
    details,
  };
}

function epochSeconds(value: unknown): Date | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const ms = value * 1000;
  return ms >= EARLIEST_PLAUSIBLE && ms <= Date.UTC(2100, 0, 1) ? new Date(ms) : null;
}

function sourceOf(file: unknown, line: unknown): string | null {
  if (typeof file !== 'string' || file === '') return null;
  return (typeof line === 'number' && Number.isInteger(line) ? `${file}:${line}` : file).slice(0, 200);
}
