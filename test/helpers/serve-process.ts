import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '../../bin/inkstand.mjs');

export interface ServeProcess {
  child: ChildProcess;
  http: string;
  adminToken: string;
  output(): string;
}

/** `inkstand serve` as a real child process on free loopback ports; resolves once it printed its listeners. */
export function startServeProcess(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir, '--http-port', '0', '--https-port', '0', '--discovery-port', '0', '--host', '127.0.0.1', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk;
      const http = /^http listening on (\S+)/m.exec(log)?.[1];
      const admin = /^admin ui: \S+token=(\S+)/m.exec(log)?.[1];
      if (http && admin) {
        clearTimeout(timer);
        resolve({ child, http, adminToken: admin, output: () => log });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${log}`));
    });
  });
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
