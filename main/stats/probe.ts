import fs from 'node:fs/promises';
import os from 'node:os';
// Only the two parts of systeminformation used here: the whole package is ~0.7 MB of source text that
// V8 would keep for the life of the server.
import { mem as memory } from 'systeminformation/lib/memory.js';
import { networkStats } from 'systeminformation/lib/network.js';

/** Cumulative counters and current readings of the machine; the collector turns counters into rates. */
export interface SystemProbe {
  /** Summed CPU time over all cores since boot, in ms. */
  cpuTimes(): { idle: number; total: number };
  memory(): Promise<{ totalBytes: number; usedBytes: number; swapTotalBytes: number; swapUsedBytes: number }>;
  disk(): Promise<{ totalBytes: number; usedBytes: number }>;
  /** Bytes received and sent since boot over every interface except loopback. */
  networkTotals(): Promise<{ rxBytes: number; txBytes: number }>;
}

/** Node's own APIs where they suffice; systeminformation for swap and interface counters. Disk = the drive holding the data dir. */
export function createSystemProbe(dataDir: string): SystemProbe {
  return {
    cpuTimes() {
      let idle = 0;
      let total = 0;
      for (const cpu of os.cpus()) {
        const t = cpu.times;
        idle += t.idle;
        total += t.user + t.nice + t.sys + t.idle + t.irq;
      }
      return { idle, total };
    },
    async memory() {
      const mem = await memory();
      // "available" counts reclaimable cache as free, as the OS's own monitors do.
      return { totalBytes: mem.total, usedBytes: mem.total - mem.available, swapTotalBytes: mem.swaptotal, swapUsedBytes: mem.swapused };
    },
    async disk() {
      const stats = await fs.statfs(dataDir);
      const totalBytes = stats.blocks * stats.bsize;
      const freeBytes = stats.bavail * stats.bsize;
      return { totalBytes, usedBytes: totalBytes - freeBytes };
    },
    async networkTotals() {
      // Named interfaces only: asked for '*', systeminformation lists them with synchronous shell
      // calls (ip, nmcli) that stall the event loop, and with it every device request, for 50–150 ms.
      const external = Object.entries(os.networkInterfaces())
        .filter(([, addresses]) => !(addresses ?? []).some((address) => address.internal))
        .map(([name]) => name);
      let rxBytes = 0;
      let txBytes = 0;
      if (external.length === 0) return { rxBytes, txBytes };
      for (const stats of await networkStats(external.join(','))) {
        rxBytes += stats.rx_bytes;
        txBytes += stats.tx_bytes;
      }
      return { rxBytes, txBytes };
    },
  };
}
