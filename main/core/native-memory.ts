import { createRequire } from 'node:module';

/**
 * What glibc's allocator keeps of a long-running server's memory. It holds on to memory freed
 * after a burst of work (request bodies, query results, the buffers a render's answer came in)
 * for reuse, and gives each thread that allocates an arena of its own: an idle server kept 6–7 MB
 * that `malloc_trim` gave back in about a millisecond, and some 6 MB more in arenas. Elsewhere
 * (macOS, Windows, musl) nothing is done: those allocators return memory on their own terms.
 */
export interface NativeMemory {
  stop(): void;
}

/** mallopt's M_ARENA_MAX (malloc.h). */
const M_ARENA_MAX = -8;
/** The main thread's arena and one for all the others (libuv's pool, V8's helpers): they seldom allocate at once. */
const ARENAS = 2;
/** Often enough that an idle server is trimmed within a minute of its last work; a trim costs about a millisecond. */
const TRIM_EVERY_MS = 30_000;

export interface GlibcAllocator {
  mallocTrim(pad: number): number;
  mallopt(param: number, value: number): number;
}

/** Caps the allocator's arenas now and trims its free memory every TRIM_EVERY_MS, where the C library is glibc. */
export function releaseNativeMemoryWhenIdle(): NativeMemory {
  const glibc = glibcAllocator();
  if (!glibc) return { stop: () => {} };
  glibc.mallopt(M_ARENA_MAX, ARENAS);
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
    const libc = koffi.load('libc.so.6');
    return { mallocTrim: libc.func('int malloc_trim(size_t pad)'), mallopt: libc.func('int mallopt(int param, int value)') };
  } catch {
    return null;
  }
}

