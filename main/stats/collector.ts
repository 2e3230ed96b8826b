import type { StoreContext } from '../core/app-context.ts';
import { createSystemProbe, type SystemProbe } from './probe.ts';
import type { NewStatsSample } from './store.ts';

export interface StatsCollectorOptions {
  probe?: SystemProbe;
  retentionDays?: number;
  intervalMs?: number;
}

interface Counters {
  at: number;
  cpu: { idle: number; total: number };
  net: { rxBytes: number; txBytes: number };
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const RECENT_SIZE = 60;

/**
 * Samples the machine once a minute and stores one row. CPU and network come from cumulative
 * counters, so each row is the exact average over its whole minute, not a snapshot; memory, swap
 * and disk are readings. The last hour is also kept in memory for live views. Old rows are
 * deleted hourly (default: older than 7 days).
 */
export class StatsCollector {
  private readonly probe: SystemProbe;
  private readonly retentionMs: number;
  private readonly intervalMs: number;
  private readonly recentSamples: NewStatsSample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private previous: Counters | null = null;
  private pending: Promise<void> = Promise.resolve();
  private lastPrune = 0;

  constructor(private readonly app: Pick<StoreContext, 'dataDir' | 'log' | 'now' | 'stats'>, options: StatsCollectorOptions = {}) {
    this.probe = options.probe ?? createSystemProbe(app.dataDir);
    this.retentionMs = (options.retentionDays ?? 7) * 24 * HOUR_MS;
    this.intervalMs = options.intervalMs ?? MINUTE_MS;
  }

  start(): void {
    if (this.timer) return;
    this.enqueue(() => this.readCounters().then((counters) => { this.previous = counters; }));
    this.timer = setInterval(() => this.enqueue(() => this.sample()), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The last hour's samples, oldest first. */
  recent(): readonly NewStatsSample[] {
    return this.recentSamples;
  }

  /** Resolves once the sample in progress (if any) is stored. */
  whenIdle(): Promise<void> {
    return this.pending;
  }

  private enqueue(work: () => Promise<void>): void {
    this.pending = this.pending.then(work).catch((err: unknown) => this.app.log.warn({ err }, 'could not sample system stats'));
  }

  private async readCounters(): Promise<Counters> {
    return { at: this.app.now().getTime(), cpu: this.probe.cpuTimes(), net: await this.probe.networkTotals() };
  }

  private async sample(): Promise<void> {
    const [counters, memory, disk] = await Promise.all([this.readCounters(), this.probe.memory(), this.probe.disk()]);
    const previous = this.previous;
    this.previous = counters;
    if (!previous) return;
    const seconds = Math.max(1, (counters.at - previous.at) / 1000);
    const cpuTotal = counters.cpu.total - previous.cpu.total;
    const sample: NewStatsSample = {
      sampledAt: new Date(Math.floor(counters.at / MINUTE_MS) * MINUTE_MS),
      cpuPct: cpuTotal > 0 ? percent(cpuTotal - (counters.cpu.idle - previous.cpu.idle), cpuTotal) : 0,
      memUsedPct: percent(memory.usedBytes, memory.totalBytes),
      memUsedBytes: memory.usedBytes,
      memTotalBytes: memory.totalBytes,
      swapUsedPct: memory.swapTotalBytes > 0 ? percent(memory.swapUsedBytes, memory.swapTotalBytes) : null,
      diskUsedPct: percent(disk.usedBytes, disk.totalBytes),
      diskUsedBytes: disk.usedBytes,
      diskTotalBytes: disk.totalBytes,
      // Counters restart when an interface resets: never report a negative rate.
      netRxBytesPerS: Math.max(0, counters.net.rxBytes - previous.net.rxBytes) / seconds,
      netTxBytesPerS: Math.max(0, counters.net.txBytes - previous.net.txBytes) / seconds,
    };
    this.remember(sample);
    await this.app.stats.add(sample);
    await this.pruneHourly(counters.at);
  }

  private remember(sample: NewStatsSample): void {
    this.recentSamples.push(sample);
    if (this.recentSamples.length > RECENT_SIZE) this.recentSamples.shift();
  }

  private async pruneHourly(now: number): Promise<void> {
    if (now - this.lastPrune < HOUR_MS) return;
    this.lastPrune = now;
    await this.app.stats.prune(new Date(now - this.retentionMs));
  }
}

function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.max(0, (part / whole) * 100));
}
