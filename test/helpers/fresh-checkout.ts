import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * A copy of this checkout as a fresh clone has it — the files git tracks or would track, nothing it
 * ignores (no dist/), nothing beside it — in an empty temporary folder, with node_modules hard-linked
 * from ours (what `npm ci` would have put there, in a second instead of minutes). Writes that a test
 * makes there (Electron's binary, builds) create new files, so our own node_modules stays as it was.
 */
export function freshCheckout(): { root: string; remove(): void } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-clone-'));
  const root = path.join(parent, 'inkstand');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const source = path.join(ROOT, file);
    if (!fs.existsSync(source)) continue; // deleted in the work tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.copyFileSync(source, path.join(root, file));
  }
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(root, 'node_modules')]);
  // npm rewrites its own record of the tree in place; give the copy its own.
  const record = path.join(root, 'node_modules', '.package-lock.json');
  if (fs.existsSync(record)) {
    const text = fs.readFileSync(record);
    fs.rmSync(record);
    fs.writeFileSync(record, text);
  }
  return { root, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}

export interface RunningCommand {
  pid: number;
  output(): string;
  /** Resolves with the first match of `pattern` in the output so far or to come. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
  /** Sends a signal to the command itself (not to what it started). */
  signal(name: NodeJS.Signals): void;
  /** Ends the command and everything it started. */
  stop(): Promise<void>;
}

/** Runs a command (npm start, npm run serve, …) and follows what it prints on stdout and stderr together. */
export function runCommand(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): RunningCommand {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    log += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    for (const listener of listeners) listener();
    resolve(code);
  }));
  return {
    pid: child.pid!,
    output: () => log,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(log);
          if (match) return finish(() => resolve(match));
          if (child.exitCode !== null || child.signalCode !== null) finish(() => reject(new Error(`exited before printing ${pattern}:\n${log}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${log}`))), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    signal: (name) => void child.kill(name),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // npm runs the app in a child of its own: end the whole group.
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}
