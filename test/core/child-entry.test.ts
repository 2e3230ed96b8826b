import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { childEntry } from '../../main/core/child-entry.ts';

const SOURCE_DIR = fileURLToPath(new URL('../../main/tls/', import.meta.url));

describe('childEntry', () => {
  const runDir = process.env.INKSTAND_CHILD_ENTRY_DIR;
  afterEach(() => {
    if (runDir === undefined) delete process.env.INKSTAND_CHILD_ENTRY_DIR;
    else process.env.INKSTAND_CHILD_ENTRY_DIR = runDir;
  });

  it('is the entry beside the module where no entry folder is set', () => {
    delete process.env.INKSTAND_CHILD_ENTRY_DIR;
    expect(childEntry('certificate-process.mjs', new URL('../../main/tls/certificate.ts', import.meta.url).href)).toBe(path.join(SOURCE_DIR, 'certificate-process.mjs'));
  });

  it('is the entry in INKSTAND_CHILD_ENTRY_DIR where that is set', () => {
    process.env.INKSTAND_CHILD_ENTRY_DIR = '/opt/inkstand/main';
    expect(childEntry('worker.mjs', import.meta.url)).toBe('/opt/inkstand/main/worker.mjs');
  });

  // The test run's own setting (test/helpers/bundle-global-setup.ts): without it every image process
  // of a test server loads the sources through tsx, and nothing else would notice.
  it('points the test run at the bundle it built, where both child entries are', () => {
    expect(runDir).toBeTruthy();
    for (const name of ['worker.mjs', 'certificate-process.mjs']) expect(fs.existsSync(path.join(runDir!, name)), name).toBe(true);
  });
});
