import { LessThan, Not, MoreThanOrEqual, type DataSource } from 'typeorm';
import { NodeEntity, type NodeRecord } from '../storage/entities/node.ts';

/** A node whose last heartbeat is older than this is shown as gone. */
export const NODE_GONE_AFTER_MS = 30_000;
/** A gone node's row is deleted once its last heartbeat is this old. */
export const NODE_PRUNED_AFTER_MS = 24 * 60 * 60_000;

/**
 * The nodes table: each server's own row, written by its heartbeat; read by Settings and at
 * start-up. Unlike the other stores its writes announce no event: nothing is cached from them,
 * and an event every few seconds per node would only wake the UI for a changed timestamp.
 */
export class NodeStore {
  constructor(private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(NodeEntity);
  }

  /** Writes this node's row (inserted at its first heartbeat, replaced at every later one). */
  async heartbeat(node: NodeRecord): Promise<void> {
    await this.repo.upsert(node, ['name']);
  }

  async list(): Promise<NodeRecord[]> {
    return this.repo.find({ order: { name: 'ASC' } });
  }

  /** Whether a node other than `self` has sent a heartbeat since `since`. */
  async othersAliveSince(self: string, since: Date): Promise<boolean> {
    return (await this.repo.countBy({ name: Not(self), heartbeatAt: MoreThanOrEqual(since) })) > 0;
  }

  /** A node that stops cleanly leaves the list at once. */
  async remove(name: string): Promise<void> {
    await this.repo.delete({ name });
  }

  async prune(before: Date): Promise<void> {
    await this.repo.delete({ heartbeatAt: LessThan(before) });
  }
}
