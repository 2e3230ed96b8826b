import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../main/library/import-folder.ts';
import { pairFrame } from '../helpers/pairing.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { SimulatedFrame } from '../sim/frame.ts';

describe('device isolation and tokens', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer();
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

  it('needs the admin token for the admin API', async () => {
    expect((await fetch(`${t.urls.http}/api/admin/displays`)).status).toBe(401);
    expect((await fetch(`${t.urls.http}/api/admin/displays`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await t.admin('GET', '/displays')).status).toBe(200);
  });
});
