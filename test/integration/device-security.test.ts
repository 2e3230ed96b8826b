import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../main/library/import-folder.ts';
import { pairFrame } from '../helpers/pairing.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { DisplayEntity } from '../../main/storage/entities/display.ts';
import { runCli } from '../helpers/serve-process.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { SimulatedFrame } from '../sim/frame.ts';

interface Answer {
  startedAt: number;
  status: number;
}

/**
 * Keeps `parallel` loops of a frame's conditional requests (state, and its current image) going
 * until `until()` says stop, and records when each was sent and what it got.
 */
async function hammer(frame: SimulatedFrame, until: () => number, parallel = 4): Promise<Answer[]> {
  const answers: Answer[] = [];
  const requests = [
    { url: `${frame.baseUrl}/api/display/state`, etag: frame.etag! },
    { url: `${frame.baseUrl}/api/display/image?version=${frame.state!.version}`, etag: `"${frame.state!.version}"` },
  ];
  const loop = async (offset: number) => {
    for (let i = offset; performance.now() < until(); i++) {
      const { url, etag } = requests[i % requests.length];
      const startedAt = performance.now();
      const res = await fetch(url, { headers: { ...frame.authHeaders(), 'if-none-match': etag } });
      await res.arrayBuffer();
      answers.push({ startedAt, status: res.status });
    }
  };
  await Promise.all(Array.from({ length: parallel }, (_, i) => loop(i)));
  return answers;
}

describe.each(testDatabases('device security'))('device isolation and tokens (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    const files = await smallPhotoFolder(path.join(t.dataDir, 'incoming'), 2);
    await importFolder(t.server.core.app, path.dirname(files[0]));
  });
  afterAll(() => t.stop());

  it("does not let display A read display B's state or image", async () => {
    const a = await pairFrame(t, 'sim:iso-a');
    const b = await pairFrame(t, 'sim:iso-b', { width: 1600, height: 1200 });
    const stateA = (await a.frame.poll()).state!;
    const stateB = (await b.frame.poll()).state!;
    expect(stateA.display_id).toBe(a.frame.humanId);
    expect(stateB.width).toBe(1600);
    const stolen = await fetch(stateB.image_url, { headers: a.frame.authHeaders() });
    expect(stateA.version).not.toBe(stateB.version);
    expect(stolen.status).toBe(404);
    const body = await stolen.json().catch(() => ({}));
    expect(JSON.stringify(body)).not.toContain(t.dataDir);
  });

  it("never gives display B's native picture to A's token, to no token, or to B once revoked, answered from memory or not", async () => {
    const a = await pairFrame(t, 'sim:iso-image-a');
    const b = await pairFrame(t, 'sim:iso-image-b', { width: 1600, height: 1200 });
    const stateA = (await a.frame.poll()).state!;
    const stateB = (await b.frame.poll()).state!;
    expect(stateA.version).not.toBe(stateB.version);
    const imageB = `${b.frame.baseUrl}/api/display/image?version=${stateB.version}`;
    const stateUrl = `${b.frame.baseUrl}/api/display/state`;
    const get = async (url: string, headers: Record<string, string>) => {
      const res = await fetch(url, { headers });
      return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
    };
    // Repeated, so both the first (Express) and the later (in-memory) answers are checked.
    for (let round = 0; round < 5; round++) {
      for (const headers of [a.frame.authHeaders(), { ...a.frame.authHeaders(), 'if-none-match': `"${stateB.version}"` }]) {
        const stolen = await get(imageB, headers);
        expect(stolen.status).toBe(404);
        expect(JSON.parse(stolen.body.toString())).toMatchObject({ code: 'unknown_version', version: stateA.version });
      }
      for (const headers of [{}, { 'if-none-match': `"${stateB.version}"` }, { authorization: 'Token nope', 'if-none-match': `"${stateB.version}"` }] as Record<string, string>[]) {
        expect((await get(imageB, headers)).status).toBe(401);
      }
      // B's ETag does not make A's state look unchanged: A gets its own state.
      const res = await fetch(stateUrl, { headers: { ...a.frame.authHeaders(), 'if-none-match': b.frame.etag! } });
      expect(res.status).toBe(200);
      expect((await res.json()).display_id).toBe(a.frame.humanId);
      expect((await get(imageB, { ...b.frame.authHeaders(), 'if-none-match': `"${stateB.version}"` })).status).toBe(304);
    }
    expect((await t.admin('POST', `/displays/${b.displayId}/revoke`)).status).toBe(200);
    for (const headers of [b.frame.authHeaders(), { ...b.frame.authHeaders(), 'if-none-match': `"${stateB.version}"` }]) {
      expect((await get(imageB, headers)).status).toBe(401);
      expect((await get(stateUrl, { ...headers, 'if-none-match': b.frame.etag! })).status).toBe(401);
    }
  });

  it('answers 401 to a missing, malformed, unknown or revoked token', async () => {
    const { frame, displayId } = await pairFrame(t, 'sim:revoke');
    const url = `${frame.baseUrl}/api/display/state`;
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer x' }, { authorization: 'Token nope' }, { authorization: 'Token ' + 'a'.repeat(5000) }]) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ detail: expect.any(String), code: expect.any(String) });
    }
    expect((await frame.poll()).status).toBe(200);
    expect((await t.admin('POST', `/displays/${displayId}/revoke`)).status).toBe(200);
    const res = await fetch(url, { headers: frame.authHeaders() });
    expect(res.status).toBe(401);
    expect((await fetch(`${frame.baseUrl}/api/display/image?version=${frame.state!.version}`, { headers: frame.authHeaders() })).status).toBe(401);
  });

  it('refuses a token revoked through the CLI on the first request after the CLI returns', async () => {
    const { frame } = await pairFrame(t, 'sim:cli-revoke');
    await frame.poll();
    let stopAt = Infinity;
    const answering = hammer(frame, () => stopAt);
    const cli = await runCli(['displays', 'revoke', frame.humanId!, '--data-dir', t.dataDir, ...settings().cliArgs]);
    const returnedAt = performance.now();
    stopAt = returnedAt + 500;
    const answers = await answering;
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    // The loops ran the whole time the CLI did: the token worked before, and not once after.
    expect(answers.filter((a) => a.startedAt < returnedAt && a.status === 304).length).toBeGreaterThan(10);
    const after = answers.filter((a) => a.startedAt >= returnedAt);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((a) => a.status !== 401)).toEqual([]);
  });

  it('refuses the token of a display removed by another process on the next request', async () => {
    const { frame, displayId } = await pairFrame(t, 'sim:removed-elsewhere');
    await frame.poll();
    let stopAt = Infinity;
    const answering = hammer(frame, () => stopAt);
    await new Promise((r) => setTimeout(r, 100));
    const other = await openDatabase(t.dataDir, { databaseUrl: settings().databaseUrl });
    await other.getRepository(DisplayEntity).delete({ id: displayId });
    const removedAt = performance.now();
    await other.destroy();
    // Counted from when the other process has let go (closing a PostgreSQL connection takes a moment).
    stopAt = performance.now() + 300;
    const answers = await answering;
    expect(answers.filter((a) => a.startedAt < removedAt && a.status === 304).length).toBeGreaterThan(0);
    const after = answers.filter((a) => a.startedAt >= removedAt);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((a) => a.status !== 401)).toEqual([]);
  });

  it('treats a reflashed frame as a re-pair: pending again, and approval revokes the old token', async () => {
    const { frame, displayId } = await pairFrame(t, 'sim:reflash');
    const oldToken = frame.token!;
    const reflashed = new SimulatedFrame('sim:reflash', 800, 480);
    expect(await reflashed.bootstrap(`${t.urls.http}/api/display/bootstrap`)).toBe(202);
    expect(reflashed.humanId).toBe(frame.humanId);
    const display = await (await t.admin('GET', `/displays/${displayId}`)).json();
    expect(display.status).toBe('pending');
    await t.admin('POST', `/displays/${displayId}/approve`);
    expect((await fetch(`${frame.baseUrl}/api/display/state`, { headers: { authorization: `Token ${oldToken}` } })).status).toBe(401);
    await reflashed.waitForApproval();
    expect(reflashed.token).not.toBe(oldToken);
    expect((await reflashed.poll()).status).toBe(200);
  });

  it('approves new frames at once while "pair new displays" is on', async () => {
    const opened = await (await t.admin('POST', '/pairing/open', { minutes: 10 })).json();
    expect(opened.open).toBe(true);
    const frame = new SimulatedFrame('sim:window', 800, 480);
    expect(await frame.bootstrap(`${t.urls.http}/api/display/bootstrap`)).toBe(200);
    expect(frame.token).toBeTruthy();
    await t.admin('POST', '/pairing/close');
    const late = new SimulatedFrame('sim:window-late', 800, 480);
    expect(await late.bootstrap(`${t.urls.http}/api/display/bootstrap`)).toBe(202);
  });

  it('ends a long-poll of a display that is removed meanwhile with 401', async () => {
    const { frame, displayId } = await pairFrame(t, 'sim:removed');
    await frame.poll();
    const waiting = fetch(`${frame.baseUrl}/api/display/state?wait=30`, { headers: { ...frame.authHeaders(), 'if-none-match': frame.etag! } });
    await new Promise((r) => setTimeout(r, 200));
    expect((await t.admin('DELETE', `/displays/${displayId}`)).status).toBe(200);
    const res = await waiting;
    expect(res.status).toBe(401);
    expect((await fetch(`${frame.baseUrl}/api/display/state`, { headers: frame.authHeaders() })).status).toBe(401);
  });

  it('refuses a script admin token replaced through the CLI on the next request', async () => {
    const mint = async () => {
      const result = await runCli(['admin-token', '--data-dir', t.dataDir, ...settings().cliArgs]);
      expect(result.code).toBe(0);
      return result.stdout.trim();
    };
    const list = (token: string) => fetch(`${t.urls.http}/api/admin/displays`, { headers: { authorization: `Bearer ${token}` } });
    const first = await mint();
    expect((await list(first)).status).toBe(200);
    const second = await mint();
    expect((await list(first)).status).toBe(401);
    expect((await list(second)).status).toBe(200);
  });

  it('needs the admin token for the admin API', async () => {
    expect((await fetch(`${t.urls.http}/api/admin/displays`)).status).toBe(401);
    expect((await fetch(`${t.urls.http}/api/admin/displays`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await t.admin('GET', '/displays')).status).toBe(200);
  });
});
