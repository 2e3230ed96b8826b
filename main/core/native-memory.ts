import { createRequire } from 'node:module';

/**
 * What glibc's allocator keeps of a long-running server's memory: it holds on to memory freed
 * after a burst of work (request bodies, query results, the buffers a render's answer came in)
 * for reuse. An idle server kept 6–7 MB that `malloc_trim` gave back in about a millisecond.
 * Elsewhere (macOS, Windows, musl) nothing is done: those allocators return memory on their own terms.
 */
export interface NativeMemory {
  stop(): void;
}

/** Often enough that an idle server is trimmed within a minute of its last work; a trim costs about a millisecond. */
const TRIM_EVERY_MS = 30_000;

export interface GlibcAllocator {
  mallocTrim(pad: number): number;
}

/** Trims the allocator's free memory every TRIM_EVERY_MS, where the C library is glibc. */
export function releaseNativeMemoryWhenIdle(): NativeMemory {
  const glibc = glibcAllocator();
  if (!glibc) return { stop: () => {} };
  const timer = setInterval(() => glibc.mallocTrim(0), TRIM_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** glibc's allocator controls, or null where the C library is not glibc. */
export function glibcAllocator(): GlibcAllocator | null {
  if (process.platform !== 'linux') return null;
  try {
    // koffi (a C function interface) is loaded only here; without glibc (musl) there is no libc.so.6 to load.
    const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
    return { mallocTrim: koffi.load('libc.so.6').func('int malloc_trim(size_t pad)') };
  } catch {
    return null;
  }
}
