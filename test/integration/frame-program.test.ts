import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FrameProgram, freeUdpPort, shownLog } from '../helpers/frame-program.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { runCli, startServeProcess, type ServeProcess } from '../helpers/serve-process.ts';
import { describeEachDatabaseAtOnce, useTestDatabase } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { decodePng } from '../sim/frame.ts';

// The real `inkstand serve` and the real frame program (file backend), talking over loopback. Most of
// the time goes on the frame program's waits (the pairing retry, long-polls, backoff).
describeEachDatabaseAtOnce('the frame program against inkstand serve', (database) => {
  const settings = useTestDatabase(database);
  const dataDir = tempDataDir();
  const work = tempDataDir('inkstand-frame-');
  const panelDir = path.join(work, 'panel');
  const stateDir = path.join(work, 'state');
  let discoveryPort: number;
  let serve: ServeProcess;
  let frame: FrameProgram;
  let humanId: string;

  const admin = (method: string, urlPath: string, body?: unknown) =>
    fetch(`${serve.http}/api/admin${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${serve.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const displayId = async () => ((await (await admin('GET', '/displays')).json()) as { id: number; humanId: string }[]).find((d) => d.humanId === humanId)!.id;
  const state = () => JSON.parse(fs.readFileSync(path.join(stateDir, 'state.json'), 'utf8'));

  beforeAll(async () => {
    const photos = await smallPhotoFolder(path.join(work, 'photos'), 3);
    const imported = await runCli(['photos', 'import', path.dirname(photos[0]), '--data-dir', dataDir, ...settings().cliArgs]);
    expect(imported.code).toBe(0);
    discoveryPort = await freeUdpPort();
    serve = await startServeProcess(dataDir, ['--discovery-port', String(discoveryPort), ...settings().cliArgs]);
  });
  afterAll(async () => {
    await frame?.stop();
    serve?.child.kill('SIGTERM');
  });

  it('discovers the server on loopback, shows the pairing picture while pending, and the photo once approved through the CLI', async () => {
    frame = new FrameProgram(['--discovery-target', '127.0.0.1', '--discovery-port', String(discoveryPort), '--backend', `file:${panelDir}`,
      '--hardware-id', 'test:frame-1', '--state-dir', stateDir, '--log-level', 'debug']);
    const [, id, code] = await frame.waitFor(/^pairing: (\S+) code (\d{6})$/m);
    humanId = id;
    expect(shownLog(panelDir)).toEqual([[`pairing-${code}`, 'pairing']]);
    const pairingPicture = await decodePng(fs.readFileSync(path.join(panelDir, 'current.png')));
    expect([pairingPicture.width, pairingPicture.height, pairingPicture.colorType]).toEqual([800, 480, 3]);
    expect(state()).toMatchObject({ server_url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/), fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), token: null });
    expect(fs.statSync(path.join(stateDir, 'state.json')).mode & 0o777).toBe(0o600);

    const approved = await runCli(['displays', 'approve', humanId, '--data-dir', dataDir, ...settings().cliArgs]);
    expect(approved.code).toBe(0);
    await frame.waitFor(new RegExp(`^paired as ${humanId}$`, 'm'), 10_000); // it asks again every few seconds while pending
    const [, version] = await frame.waitFor(/^showing (\S+) \(photo\)$/m);
    expect(shownLog(panelDir)).toEqual([[`pairing-${code}`, 'pairing'], [version, 'photo']]);

    const { token } = state();
    const served = await fetch(`${serve.http}/api/display/image?version=${version}`, { headers: { authorization: `Token ${token}` } });
    expect(Buffer.from(await served.arrayBuffer()).equals(fs.readFileSync(path.join(panelDir, 'current.png')))).toBe(true);
    expect(state().shown_version).toBe(version);
  });

  it('shows a change made through the admin API within a second, through the long-poll', async () => {
    await new Promise((r) => setTimeout(r, 300)); // the frame is back in its long-poll
    const mark = frame.mark();
    const res = await admin('POST', `/displays/${await displayId()}/message`, { text: 'Dinner is ready', minutes: 30 });
    expect(res.status).toBe(200);
    const changedAt = Date.now();
    const [, version] = await frame.waitFor(/^showing (\S+) \(message\)$/m, 5000, mark);
    expect(Date.now() - changedAt).toBeLessThan(1000);
    expect(shownLog(panelDir).at(-1)).toEqual([version, 'message']);
  });

  it('neither downloads nor refreshes while the state stays the same', async () => {
    const patched = frame.mark();
    expect((await admin('PATCH', `/displays/${await displayId()}`, { patch: { pollIntervalS: 5 } })).status).toBe(200);
    await frame.waitFor(/^still showing /m, 5000, patched); // the poll-interval change itself reaches the frame as a new ETag
    const refreshes = shownLog(panelDir).length;
    const mark = frame.mark();
    await frame.waitFor(/^state unchanged$(?:[^]*?)^state unchanged$/m, 15_000, mark); // two long-polls of 5 s
    const since = frame.output().slice(mark);
    expect(since).not.toMatch(/downloaded|showing/);
    expect(shownLog(panelDir).length).toBe(refreshes);
  });

  it('waits for a server that restarts mid-poll, finds it again by discovery, and carries on', async () => {
    const before = state().server_url;
    const mark = frame.mark();
    const stopped = new Promise((resolve) => serve.child.on('exit', resolve));
    serve.child.kill('SIGTERM');
    await stopped;
    await frame.waitFor(/^waiting: .+; trying again in \d+ s$/m, 10_000, mark);
    serve = await startServeProcess(dataDir, ['--discovery-port', String(discoveryPort), ...settings().cliArgs]);
    await frame.waitFor(/^the server answers again$/m, 30_000, mark);
    expect(frame.running).toBe(true);

    const after = frame.mark();
    expect((await admin('DELETE', `/displays/${await displayId()}/override`)).status).toBe(200);
    await frame.waitFor(/^showing (\S+) \(photo\)$/m, 5000, after);
    const https = /^https listening on (\S+)$/m.exec(serve.output())![1];
    expect(state().server_url).toBe(https);
    expect(https).not.toBe(before); // the restarted server has new ports: the frame found it by discovery
  });

  it('goes back to pairing when its token is revoked', async () => {
    const mark = frame.mark();
    const revoked = await runCli(['displays', 'revoke', humanId, '--data-dir', dataDir, ...settings().cliArgs]);
    expect(revoked.code).toBe(0);
    await frame.waitFor(/^the server refused this frame's token \(revoked or unknown\): pairing again$/m, 10_000, mark);
    // The restarted server may have to start an image process to draw the pairing picture first.
    const [, id, code] = await frame.waitFor(/^pairing: (\S+) code (\d{6})$/m, 20_000, mark);
    expect(id).toBe(humanId);
    expect(shownLog(panelDir).at(-1)).toEqual([`pairing-${code}`, 'pairing']);
    expect(state().token).toBeNull();
  });

  it('exits cleanly on SIGTERM', async () => {
    expect(await frame.stop()).toBe(0);
  });
});
