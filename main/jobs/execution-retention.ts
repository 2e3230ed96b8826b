import { In, LessThan, type DataSource } from 'typeorm';
import { ExecutionEntity, FINISHED_STATUSES } from '../storage/entities/job.ts';

/** Deletes executions that finished before the cutoff; their log lines go with them (foreign key cascade). */
export async function pruneExecutions(db: DataSource, before: Date): Promise<number> {
  const result = await db.getRepository(ExecutionEntity).delete({ status: In([...FINISHED_STATUSES]), finishedAt: LessThan(before) });
  return result.affected ?? 0;
}
