import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
// Debian's python3 (what Raspberry Pi OS runs), which has python3-pil for the panel backends.
export const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
export const FRAME_DIR = path.join(REPO, 'frame');
export const STANDINS_DIR = path.join(REPO, 'test/frame/standins');

/** The real frame program (`python3 -m inkstand_frame`) as a child process, with its stderr lines at hand. */
export class FrameProgram {
  readonly child: ChildProcess;
  private log = '';
  private readonly exited: Promise<number | null>;

  /** From the checkout (`python3 -m inkstand_frame`), or an installed `command` (its own PYTHONPATH) when given. */
  constructor(args: string[], env: NodeJS.ProcessEnv = {}, pythonPath: string[] = [FRAME_DIR], command?: string) {
    const [file, argv] = command ? [command, args] : [PYTHON, ['-m', 'inkstand_frame', ...args]];
    this.child = spawn(file, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, ...(command ? {} : { PYTHONPATH: pythonPath.join(path.delimiter) }), PYTHONUNBUFFERED: '1' },
    });
    this.child.stdout!.on('data', (d) => (this.log += d));
    this.child.stderr!.on('data', (d) => (this.log += d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  output(): string {
    return this.log;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the match once a line matching `pattern` appears after `from` (a position in the output). */
  async waitFor(pattern: RegExp, timeoutMs = 15_000, from = 0): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = this.log.slice(from).match(pattern);
      if (match) return match;
      if (!this.running) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`frame output never matched ${pattern} (${this.running ? 'still running' : 'exited'}):\n${this.log}`);
  }

  mark(): number {
    return this.log.length;
  }

  exitCode(): Promise<number | null> {
    return this.exited;
  }

  async stop(): Promise<number | null> {
    if (this.running) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** A UDP port nobody uses right now (for a discovery port the test chooses and keeps across restarts). */
export async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/** The lines the `file` backend wrote: one per panel refresh, as [label, mode]. */
export function shownLog(dir: string): [string, string][] {
  const file = path.join(dir, 'shown.log');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(' ').slice(1, 3) as [string, string]);
}
