import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

/** System status over one minute: CPU and network are averages over the minute, the rest are readings at its end. */
export interface StatsSample {
  id: number;
  /** The start of the minute. */
  sampledAt: Date;
  cpuPct: number;
  memUsedPct: number;
  memUsedBytes: number;
  memTotalBytes: number;
  swapUsedPct: number | null;
  diskUsedPct: number;
  diskUsedBytes: number;
  diskTotalBytes: number;
  /** Bytes per second over all interfaces except loopback. */
  netRxBytesPerS: number;
  netTxBytesPerS: number;
}

export const StatsSampleEntity = new EntitySchema<StatsSample>({
  name: 'StatsSample',
  tableName: 'stats_samples',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    sampledAt: { name: 'sampled_at', type: TIMESTAMP, unique: true },
    cpuPct: { name: 'cpu_pct', type: 'real' },
    memUsedPct: { name: 'mem_used_pct', type: 'real' },
    memUsedBytes: { name: 'mem_used_bytes', type: 'double precision' },
    memTotalBytes: { name: 'mem_total_bytes', type: 'double precision' },
    swapUsedPct: { name: 'swap_used_pct', type: 'real', nullable: true },
    diskUsedPct: { name: 'disk_used_pct', type: 'real' },
    diskUsedBytes: { name: 'disk_used_bytes', type: 'double precision' },
    diskTotalBytes: { name: 'disk_total_bytes', type: 'double precision' },
    netRxBytesPerS: { name: 'net_rx_bytes_per_s', type: 'double precision' },
    netTxBytesPerS: { name: 'net_tx_bytes_per_s', type: 'double precision' },
  },
});
