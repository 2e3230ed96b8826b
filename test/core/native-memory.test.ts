import { describe, expect, it } from 'vitest';
import { glibcAllocator, releaseNativeMemoryWhenIdle } from '../../main/core/native-memory.ts';

const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
const onGlibc = process.platform === 'linux' && Boolean(report.header?.glibcVersionRuntime);

describe('native memory', () => {
  it.runIf(onGlibc)('reaches glibc\'s allocator: a trim answers whether it gave memory back', () => {
    const glibc = glibcAllocator()!;
    expect(glibc).not.toBeNull();
    expect([0, 1]).toContain(glibc.mallocTrim(0));
  });

  it('starts and stops everywhere, with no timer left to keep the process alive', () => {
    const handlesBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const memory = releaseNativeMemoryWhenIdle();
    memory.stop();
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(handlesBefore);
  });
});
