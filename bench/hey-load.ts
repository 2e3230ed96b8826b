// The state-poll load at a steady rate from hey (Debian's `hey`, written in Go), where it is
// installed: a generator with no Node event loop and garbage collector of its own whose pauses would
// count as the server's latency (on a quiet machine our paced Node generator measured a bare Node
// server at 8.5–85 ms p99 where hey measures 3–6 ms). hey sends one display's headers on every
// connection; the 304 path does the same work whichever display asks.
import { spawnSync } from 'node:child_process';
import type { PacedLoadResult } from './server.ts';

export const heyInstalled = !spawnSync('hey', ['-h']).error;

/** hey's command line: `connections` workers offering `rate` requests per second in all, for `seconds`. */
export function heyArgs(url: string, headers: Record<string, string>, seconds: number, rate: number, connections: number): string[] {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  return ['hey', '-z', `${seconds}s`, '-c', String(connections), '-q', String(rate / connections), '-cpus', '1', ...headerArgs, url];
}

/**
 * hey's summary: "Requests/sec:", "Slowest:" and the "Latency distribution" lines in seconds, then
 * "[304]\tN responses" per status code and "[N]\t<error>" per kind of error. Its workers wait for
 * each answer before their next tick, so a stall shows as fewer answers per second rather than as
 * latency: read `requests.average` beside the p99.
 */
export function parseHeySummary(summary: string): PacedLoadResult {
  const seconds = (pattern: RegExp) => Number(pattern.exec(summary)?.[1] ?? NaN);
  const statusSection = summary.split('Status code distribution:')[1] ?? '';
  const [statuses, errorLines = ''] = statusSection.split('Error distribution:');
  const counts = (section: string) => [...section.matchAll(/\[(\d+)\]\s+(\d+)/g)].map(([, key, count]) => ({ key, count: Number(count) }));
  return {
    latency: { p50: seconds(/50% in ([\d.]+) secs/) * 1000, p99: seconds(/99% in ([\d.]+) secs/) * 1000, max: seconds(/Slowest:\s+([\d.]+) secs/) * 1000 },
    requests: { average: seconds(/Requests\/sec:\s+([\d.]+)/) },
    non304: counts(statuses).filter(({ key }) => key !== '304').reduce((sum, { count }) => sum + count, 0),
    errors: [...errorLines.matchAll(/\[(\d+)\]/g)].reduce((sum, [, count]) => sum + Number(count), 0),
  };
}
