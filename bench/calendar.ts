import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expandIcs } from '../main/calendar/expand.ts';
import type { Report } from './report.ts';

const EVENTS = 6_000;
const RUNS = 5;
const WINDOW = { from: new Date('2025-10-01T00:00:00+02:00'), to: new Date('2026-10-01T00:00:00+02:00') };
const ZONE = 'Europe/Berlin';

/**
 * Reading and expanding a large family feed over a year: 6,000 events of about 4 MB in the shape
 * Google exports them (a fifth recurring with EXDATEs and moved instances, all-day ranges, long
 * folded descriptions), median time of a few runs in this process, and the peak memory of a fresh
 * process that does it once.
 */
export async function runCalendarBench(report: Report): Promise<void> {
  const ics = largeFeed();
  report(`calendar feed size (${EVENTS} events)`, Buffer.byteLength(ics) / 1_048_576, 'MB');
  const times: number[] = [];
  let occurrences = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    occurrences = expandIcs(ics, WINDOW, ZONE).occurrences.length;
    times.push(performance.now() - start);
  }
  report('calendar occurrences in the year', occurrences, 'count');
  report('calendar parse + expand a year (median)', times.sort((a, b) => a - b)[Math.floor(RUNS / 2)], 'ms');
  const child = JSON.parse((await promisify(execFile)(process.execPath, ['--import', 'tsx', import.meta.filename, '--once'], { maxBuffer: 1_000_000 })).stdout) as { baselineMb: number; peakMb: number };
  report('calendar peak RSS of a process reading it once', child.peakMb, 'MB');
  report('calendar RSS of that process before the feed', child.baselineMb, 'MB');
}

function largeFeed(): string {
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0', 'X-WR-CALNAME:Big family', 'X-WR-TIMEZONE:Europe/Berlin'];
  const description = fold(`DESCRIPTION:${'Bring the forms\\, the snacks and the kit. Parking behind the hall. '.repeat(7)}`);
  for (let i = 0; i < EVENTS; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 900) * 86_400_000);
    const date = day.toISOString().slice(0, 10).replace(/-/g, '');
    const hour = String(7 + (i % 12)).padStart(2, '0');
    const uid = `event-${i}@bench.example`;
    const common = [`UID:${uid}`, 'DTSTAMP:20251014T190412Z', `SUMMARY:Event number ${i}`, `LOCATION:Room ${i % 40}\\, Gartenstraße ${i % 90}`, ...description];
    if (i % 5 === 0) {
      lines.push('BEGIN:VEVENT', ...common, `DTSTART;TZID=Europe/Berlin:${date}T${hour}0000`, `DTEND;TZID=Europe/Berlin:${date}T${hour}4500`,
        `RRULE:FREQ=WEEKLY;BYDAY=${['MO', 'TU', 'WE', 'TH', 'FR'][i % 5]}${i % 10 === 0 ? ';COUNT=60' : ''}`, `EXDATE;TZID=Europe/Berlin:${date}T${hour}0000`, 'END:VEVENT');
      if (i % 25 === 0) {
        const moved = new Date(day.getTime() + 7 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
        lines.push('BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20251014T190412Z', `SUMMARY:Event number ${i} (moved)`, `RECURRENCE-ID;TZID=Europe/Berlin:${moved}T${hour}0000`,
          `DTSTART;TZID=Europe/Berlin:${moved}T${hour}3000`, `DTEND;TZID=Europe/Berlin:${moved}T${hour}5900`, 'END:VEVENT');
      }
    } else if (i % 7 === 0) {
      lines.push('BEGIN:VEVENT', ...common, `DTSTART;VALUE=DATE:${date}`, `DTEND;VALUE=DATE:${new Date(day.getTime() + 2 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')}`, 'END:VEVENT');
    } else {
      lines.push('BEGIN:VEVENT', ...common, `DTSTART:${date}T${hour}1500Z`, `DTEND:${date}T${hour}5500Z`, 'END:VEVENT');
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** Folds a content line at 75 octets the way exporters do. */
function fold(line: string): string[] {
  const parts = [line.slice(0, 75)];
  for (let i = 75; i < line.length; i += 74) parts.push(` ${line.slice(i, i + 74)}`);
  return parts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--once')) {
  const ics = largeFeed();
  const baselineMb = process.memoryUsage().rss / 1_048_576;
  expandIcs(ics, WINDOW, ZONE);
  process.stdout.write(JSON.stringify({ baselineMb, peakMb: process.resourceUsage().maxRSS / 1024 }));
}
