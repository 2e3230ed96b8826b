import { readdirSync, readFileSync } from 'node:fs';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;

/** Chromium processes started by `pid` or its children (Linux /proc; 0 elsewhere). */
export function chromiumProcessesOf(pid: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(entry), ppid);
      name.set(Number(entry), comm);
    } catch {
      // The process ended while we looked.
    }
  }
  const descends = (p: number): boolean => {
    for (let at = parent.get(p), hops = 0; at !== undefined && at > 1 && hops < 64; at = parent.get(at), hops++) if (at === pid) return true;
    return false;
  };
  return [...name].filter(([p, comm]) => /chrom/i.test(comm) && descends(p)).length;
}
