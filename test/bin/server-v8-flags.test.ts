import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ALLOCATOR_ENV, SERVER_V8_FLAGS } from '../../bin/server-v8-flags.mjs';
import { descendantCommandLines } from '../helpers/processes.ts';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDataDir } from '../helpers/test-server.ts';

const commandLine = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
const environment = (pid: number) => fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);

describe.runIf(process.platform === 'linux')('the V8 flags of the server process', () => {
  describe('`node bin/inkstand.mjs serve`, as the systemd unit and `npm run serve` start it', () => {
    let serve: ServeProcess;
    beforeAll(async () => {
      serve = await startServeProcess(tempDataDir(), ['--no-discovery']);
    });
    afterAll(() => {
      serve.child.kill('SIGTERM');
    });

    it('restarts itself in place with them: the same process, no second one beside it', async () => {
      const pid = serve.child.pid!;
      expect(commandLine(pid).slice(0, SERVER_V8_FLAGS.length + 3)).toEqual([process.execPath, ...SERVER_V8_FLAGS, expect.stringMatching(/bin\/inkstand\.mjs$/), 'serve']);
      // Polled: a child being forked (an image process) shows the server's command line until it execs.
      await expect.poll(() => descendantCommandLines(pid).filter((args) => args.some((arg) => arg.endsWith('inkstand.mjs'))), { timeout: 2000 }).toEqual([]);
      expect((await fetch(`${serve.http}/api/admin/displays`, { headers: { authorization: `Bearer ${serve.adminToken}` } })).status).toBe(200);
    });

    it('and with two malloc arenas', () => {
      expect(SERVER_ALLOCATOR_ENV).toEqual({ MALLOC_ARENA_MAX: '2' });
      expect(environment(serve.child.pid!)).toContain('MALLOC_ARENA_MAX=2');
    });
  });

  it('leaves a MALLOC_ARENA_MAX it was started with as it is', async () => {
    const serve = await startServeProcess(tempDataDir(), ['--no-discovery'], { ...process.env, MALLOC_ARENA_MAX: '4' });
    try {
      expect(environment(serve.child.pid!)).toContain('MALLOC_ARENA_MAX=4');
    } finally {
      serve.child.kill('SIGTERM');
    }
  });

  it('leaves a semi-space size given in NODE_OPTIONS as it is (no restart)', async () => {
    const serve = await startServeProcess(tempDataDir(), ['--no-discovery'], { ...process.env, NODE_OPTIONS: '--max-semi-space-size=8' });
    try {
      expect(commandLine(serve.child.pid!).some((arg) => arg.startsWith('--max-semi-space-size'))).toBe(false);
    } finally {
      serve.child.kill('SIGTERM');
    }
  });
});
