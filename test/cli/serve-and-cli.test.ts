import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { SimulatedFrame } from '../sim/frame.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';

describe.each(testDatabases('inkstand serve and the CLI on the same data dir'))('inkstand serve and the CLI on the same data dir (%s)', (database) => {
  const settings = useTestDatabase(database);
  const dataDir = tempDataDir();
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServeProcess(dataDir, settings().cliArgs);
  });
  afterAll(() => {
    serve.child.kill('SIGTERM');
  });

  it('prints one line per listener with the real port, then the admin URL', () => {
    const out = serve.output();
    expect(out).toMatch(/^http listening on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(out).toMatch(/^https listening on https:\/\/127\.0\.0\.1:\d+$/m);
    expect(out).toMatch(/^discovery listening on udp:\/\/127\.0\.0\.1:\d+$/m);
    expect(out).toMatch(/^admin ui: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m);
  });

  it('lists displays as a JSON array and nothing else, and approves a pending frame while the server runs', async () => {
    const frame = new SimulatedFrame('sim:cli-1', 800, 480);
    expect(await frame.bootstrap(`${serve.http}/api/display/bootstrap`)).toBe(202);

    const listed = await runCli(['displays', '--json', '--data-dir', dataDir, ...settings().cliArgs]);
    expect(listed.code).toBe(0);
    const displays = JSON.parse(listed.stdout);
    expect(displays).toEqual([expect.objectContaining({ humanId: frame.humanId, status: 'pending', pairingCode: frame.pairingCode })]);

    const approved = await runCli(['displays', 'approve', frame.humanId!, '--data-dir', dataDir, ...settings().cliArgs]);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`approved ${frame.humanId}`);
    await frame.waitForApproval();
    expect((await frame.poll()).state!.display_id).toBe(frame.humanId);

    const revoked = await runCli(['displays', 'revoke', frame.humanId!, '--data-dir', dataDir, ...settings().cliArgs]);
    expect(revoked.code).toBe(0);
    await new Promise((r) => setTimeout(r, 600)); // the server notices another process's commit within ~300 ms
    const res = await fetch(`${serve.http}/api/display/state`, { headers: frame.authHeaders() });
    expect(res.status).toBe(401);
  });

  it('says clearly when a display does not exist, and exits non-zero', async () => {
    const result = await runCli(['displays', 'approve', 'zzz-zzz-zzz', '--data-dir', dataDir, ...settings().cliArgs]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no display "zzz-zzz-zzz"');
  });
});

// Neither uses the suites' data dir or a database: run once, not once per database.
describe('inkstand serve on its own', () => {
  it('refuses a bad port with a message naming the flag', async () => {
    const result = await runCli(['serve', '--http-port', 'eighty', '--data-dir', tempDataDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--http-port');
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const other = await startServeProcess(tempDataDir(), ['--no-discovery']);
    const exited = new Promise<number | null>((resolve) => other.child.on('exit', (code) => resolve(code)));
    other.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(other.output()).toContain('SIGTERM: shutting down');
  });
});
