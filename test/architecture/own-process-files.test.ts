import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_PROCESS_FILES } from '../run-groups.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** What a test file does that would reach into the files run after it in the same process. */
const PROCESS_WIDE = /\bvi\.(mock|doMock|hoisted|stubGlobal|stubEnv|useFakeTimers|spyOn)\(|process\.chdir\(|process\.env\.\w+ *=[^=]|setMarkupBrowser\(|childPids\(/;

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(full);
    return /\.test\.tsx?$/.test(entry.name) ? [path.relative(ROOT, full)] : [];
  });
}

/** Whether `file` is in `list`, whose entries are paths or globs that end in a folder's every test file. */
const listed = (list: string[], file: string) => list.some((entry) => (entry.includes('*') ? file.startsWith(entry.slice(0, entry.indexOf('*'))) : file === entry));

describe('test files that share a process', () => {
  it('leave the process as they found it: a file that mocks, stubs, spies, picks the markup browser or counts children has a process of its own', () => {
    const sharing = testFiles(path.join(ROOT, 'test')).filter((file) => !listed(OWN_PROCESS_FILES, file));
    const reaching = sharing.filter((file) => PROCESS_WIDE.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(reaching, 'add these to OWN_PROCESS_FILES in test/run-groups.ts').toEqual([]);
    expect(sharing.length).toBeGreaterThan(100);
  });
});
