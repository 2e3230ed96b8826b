import { LessThan, type DataSource, type Repository } from 'typeorm';
import type { DisplayLogDto } from '../../contract/dtos.ts';
import type { AppEvents } from '../core/events.ts';
import { DisplayLogEntity, type DisplayLog } from '../storage/entities/display-log.ts';
import type { LogEntry } from './log-entries.ts';

/** Each display keeps its newest entries; older ones go as new ones arrive. */
export const MAX_LOGS_PER_DISPLAY = 200;

/** The logs devices send, per display, bounded, newest first; the display's page hears of new ones (`displays-changed`). */
export class DisplayLogStore {
  private readonly logs: Repository<DisplayLog>;

  constructor(private readonly db: DataSource, private readonly events: AppEvents, private readonly now: () => Date) {
    this.logs = db.getRepository(DisplayLogEntity);
  }

  async add(displayId: number, entries: LogEntry[]): Promise<void> {
    const receivedAt = this.now();
    await this.db.transaction(async (tx) => {
      const logs = tx.getRepository(DisplayLogEntity);
      await logs.insert(entries.map((entry) => ({ displayId, receivedAt, ...entry })));
      const [oldestKept] = await logs.find({ where: { displayId }, order: { id: 'DESC' }, skip: MAX_LOGS_PER_DISPLAY - 1, take: 1, select: { id: true } });
      if (oldestKept) await logs.delete({ displayId, id: LessThan(oldestKept.id) });
    });
    this.events.emit('displays-changed', { displayId });
  }

  async list(displayId: number, limit = MAX_LOGS_PER_DISPLAY): Promise<DisplayLogDto[]> {
    const rows = await this.logs.find({ where: { displayId }, order: { id: 'DESC' }, take: limit });
    return rows.map((row) => ({
      id: row.id,
      receivedAt: row.receivedAt.toISOString(),
      loggedAt: row.loggedAt?.toISOString() ?? null,
      message: row.message,
      source: row.source,
      details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
    }));
  }
}
