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
