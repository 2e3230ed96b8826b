import { getCalendarJob } from '../calendar/job.ts';
import { classifyJob } from '../library/jobs/classify.ts';
import { generateVariantsJob } from '../library/jobs/generate-variants.ts';
import { importPhotosJob } from '../library/jobs/import-photos.ts';
import { getWeatherJob } from '../weather/job.ts';
import { cleanupJob } from './kinds/cleanup.ts';
import { generateDashboardJob, refreshAllJob } from './kinds/display-content.ts';
import type { JobKind } from './types.ts';

/**
 * Every job kind of the app. Adding a kind is one import and one line here; its `defaultJob`
 * is created at the next start. The order is the order jobs are listed in.
 */
export const JOB_KINDS: readonly JobKind[] = [
  getWeatherJob,
  getCalendarJob,
  generateDashboardJob,
  refreshAllJob,
  importPhotosJob,
  classifyJob,
  generateVariantsJob,
  cleanupJob,
];
