// The V8 flags (and the allocator setting) the server process runs with, and how `inkstand serve`
// gets them: they size the heap when V8 starts, so setting them later (v8.setFlagsFromString) does not reliably take effect, and a
// child process with them would leave this one running beside it. So the process replaces itself
// (execve: same pid, same stdio, nothing left behind) before it loads the server.
import { createRequire } from 'node:module';

/**
 * V8's young generation: each of its semi-spaces may grow to 16 MB, and a server that has not worked
 * since it started keeps them grown. Capped at 2 MB, an idle server with 50 displays measured 114–119
 * MB instead of 148–150 (1 and 4 MB measured alike); after work V8's memory reducer shrinks them
 * anyway. The server's CPU time per poll stayed within this machine's noise (Benchmarks, issue 22).
 */
export const SERVER_V8_FLAGS = ['--max-semi-space-size=2'];

/**
 * glibc's allocator gives each thread that allocates (libuv's pool, V8's helpers) an arena of its
 * own, up to 8 per core, and keeps what they freed. Two arenas kept an idle server 6–7 MB smaller;
 * set from inside the process (mallopt) it did not measure as well, so it goes in with the restart.
 * A MALLOC_ARENA_MAX the server was started with stands.
 */
export const SERVER_ALLOCATOR_ENV = { MALLOC_ARENA_MAX: '2' };

const SEMI_SPACE_FLAG = /--max[-_]semi[-_]space[-_]size/;

/** Whether this process already runs with the flags, or was started with a semi-space size of its own (which then stands). */
export function hasServerV8Flags() {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => SEMI_SPACE_FLAG.test(arg));
}

/**
 * Restarts this process in place with SERVER_V8_FLAGS and SERVER_ALLOCATOR_ENV before it returns, where the platform allows:
 * on Linux with glibc through libc's execve (koffi), elsewhere through process.execve (Node 22.15
 * and later, not on Windows). Without either it returns and the server runs with V8's defaults.
 */
export function restartWithServerV8Flags() {
  if (hasServerV8Flags()) return;
  const argv = [process.execPath, ...process.execArgv, ...SERVER_V8_FLAGS, ...process.argv.slice(1)];
  const execve = glibcExecve() ?? nodeExecve();
  execve?.(process.execPath, argv, { ...SERVER_ALLOCATOR_ENV, ...process.env });
}

/** process.execve where Node has it; if it fails (e.g. under the permission model) we run as we are. */
function nodeExecve() {
  if (typeof process.execve !== 'function') return null;
  return (file, argv, env) => {
    try {
      process.execve(file, argv, env);
    } catch {
      // run with V8's defaults
    }
  };
}

const F_GETFD = 1;
const F_SETFD = 2;
const FD_CLOEXEC = 1;

/** execve(2) as process.execve does it (stdin, stdout and stderr handed on), or null where the C library is not glibc. */
function glibcExecve() {
  if (process.platform !== 'linux') return null;
  let libc;
  try {
    libc = createRequire(import.meta.url)('koffi').load('libc.so.6');
  } catch {
    return null;
  }
  const execve = libc.func('int execve(const char *path, const char **argv, const char **envp)');
  const fcntl = libc.func('int fcntl(int fd, int cmd, ...)');
  return (file, argv, env) => {
    // Node marks the standard streams close-on-exec; the new image must inherit them.
    const saved = [0, 1, 2].map((fd) => fcntl(fd, F_GETFD, 'int', 0));
    saved.forEach((flags, fd) => flags >= 0 && fcntl(fd, F_SETFD, 'int', flags & ~FD_CLOEXEC));
    execve(file, [...argv, null], [...Object.entries(env).map(([name, value]) => `${name}=${value}`), null]);
    // Only reached when execve failed: put the flags back and run as we are.
    saved.forEach((flags, fd) => flags >= 0 && fcntl(fd, F_SETFD, 'int', flags));
  };
}
