import fs from 'node:fs';

/** Live child processes of `parentPid` whose command line contains `match` (Linux /proc). */
export function childPids(parentPid: number, match = ''): number[] {
  return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return parent === parentPid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(match);
    } catch {
      return false; // gone meanwhile
    }
  });
}

/** The arguments each live descendant of `pid` was started with, children first (Linux /proc). */
export function descendantCommandLines(pid: number): string[][] {
  return childPids(pid).flatMap((child) => {
    try {
      return [fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').filter(Boolean), ...descendantCommandLines(child)];
    } catch {
      return descendantCommandLines(child); // gone meanwhile
    }
  });
}
