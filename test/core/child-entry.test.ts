import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { childEntry } from '../../main/core/child-entry.ts';

// The test run's setting (test/helpers/bundle-global-setup.ts): without it every child process of a
// test server loads the sources through tsx, and no other test would notice.
it('starts the test servers’ child processes from the bundle the run built', () => {
  const bundle = process.env.INKSTAND_CHILD_ENTRY_DIR;
  expect(bundle).toBeTruthy();
  for (const name of ['worker.mjs', 'certificate-process.mjs']) {
    expect(childEntry(name, import.meta.url)).toBe(path.join(bundle!, name));
    expect(fs.existsSync(childEntry(name, import.meta.url)), name).toBe(true);
  }
});
