import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (8 s and more in a whole run on 2 cores, four files at once, 2026-12-08),
 * longest first.
 * Vitest starts the longest files first only once a run on this machine has recorded their
 * durations; a fresh clone has no record and starts the largest files first, so a long file could
 * start last and run on while the other core has nothing left to do (a fresh clone's run ended on
 * seven files of 6–22 s that were not in this list).
 */
const LONGEST_FILES = [
  'test/imaging/pool.test.ts',
  'test/imaging/quality.test.ts',
  'test/integration/frame-failover-postgres.test.ts',
  'test/builtin-screens/mashup-layouts.test.ts',
  'test/builtin-screens/web-page.test.ts',
  'test/admin/contract.test.ts',
  'test/integration/fleet.test.ts',
  'test/integration/trmnl-display-client.test.ts',
  'test/integration/frame-program.test.ts',
  'test/library/selection.test.ts',
  'test/builtin-screens/builtin-screens.test.ts',
  'test/integration/state-polling.test.ts',
  'test/imaging/pipeline.test.ts',
  'test/cli/serve-and-cli.test.ts',
  'test/e2e/panel-image-preview.test.ts',
  'test/markup/ocr.test.ts',
  'test/e2e/views.test.ts',
  'test/cli/serve-postgres.test.ts',
  'test/bin/start-electron.test.ts',
  'test/integration/server-timeouts.test.ts',
  'test/e2e/trmnl-devices.test.ts',
  'test/cli/screens-cli.test.ts',
  'test/packaging/electron-builder.test.ts',
  'test/integration/crash-recovery.test.ts',
  'test/jobs/queue.test.ts',
  'test/calendar/calendar-job.test.ts',
  'test/ai/variants.test.ts',
  'test/integration/job-runner-failover-postgres.test.ts',
  'test/bin/serve-fresh-clone.test.ts',
  'test/e2e/displays.test.ts',
  'test/jobs/cross-process.test.ts',
  'test/recipes/fixtures-drawn.test.ts',
  'test/integration/device-security.test.ts',
  'test/library/import.test.ts',
  'test/e2e/photos.test.ts',
  'test/weather/weather-job.test.ts',
  'test/frame/python-unit.test.ts',
  'test/e2e/screens.test.ts',
  'test/integration/image-privacy.test.ts',
  'test/integration/frame-install.test.ts',
  'test/integration/screens-devices.test.ts',
  'test/sources/immich.test.ts',
  'test/imaging/dither.test.ts',
  'test/integration/trmnl.test.ts',
  'test/integration/frame-buttons.test.ts',
  'test/imaging/flat-patch.test.ts',
  'test/cli/bundle.test.ts',
  'test/screens/screen-pictures.test.ts',
  'test/sources/picture-sources.test.ts',
];

/** Vitest's order (groups in turn; within one, recorded durations or else size), with the files known to be long first in their group. */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FILES.indexOf(path.relative(file.project.config.root, file.moduleId));
      return index === -1 ? LONGEST_FILES.length : index;
    };
    const group = (file: TestSpecification) => file.project.config.sequence.groupOrder;
    return (await super.sort(files)).sort((a, b) => group(a) - group(b) || rank(a) - rank(b));
  }
}
