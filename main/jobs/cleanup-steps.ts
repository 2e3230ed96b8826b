import type { CleanupStep } from '../core/cleanup-step.ts';
import { unreferencedPanelImagesStep } from '../panel-images/panel-image-cleanup.ts';
import { unreferencedLibraryFilesStep } from '../library/library-cleanup.ts';
import { pruneExecutions } from './execution-retention.ts';

const DAY_MS = 86_400_000;

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const executionRetention: CleanupStep = {
  name: 'executions',
  async run({ app, params }) {
    const before = new Date(app.now().getTime() - params.execution_retention_days * DAY_MS);
    const removed = await pruneExecutions(app.db, before);
    return `${plural(removed, 'execution')} (with their logs) older than ${params.execution_retention_days} days`;
  },
};

const statsRetention: CleanupStep = {
  name: 'stats',
  async run({ app, params }) {
    const removed = await app.stats.prune(new Date(app.now().getTime() - params.stats_retention_days * DAY_MS));
    return `${plural(removed, 'stats sample')} older than ${params.stats_retention_days} days`;
  },
};

/** What `cleanup` does, in order; unreferenced images are cleaned by their owners' modules' steps. */
export const CLEANUP_STEPS: CleanupStep[] = [
  executionRetention,
  statsRetention,
  unreferencedPanelImagesStep,
  unreferencedLibraryFilesStep,
];
