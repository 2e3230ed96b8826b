import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../main/library/import-folder.ts';
import { pairFrame } from '../helpers/pairing.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import type { SimulatedFrame } from '../sim/frame.ts';

/**
 * Pictures are private to their display (DESIGN.md §3, §4, §10): whatever a client presents — another
 * display's token, no token, another display's image URL, or an image URL of a display since revoked
 * or removed — it never receives display B's picture on any path.
 */
describe.each(testDatabases('pictures are private to their display'))('pictures are private to their display (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let a: SimulatedFrame;
  let b: { frame: SimulatedFrame; displayId: number };
  let bPicture: Buffer;
  let bVersion: string;
  /** Every image body any attempt received, to compare with B's picture. */
  const received: Buffer[] = [];

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { headers });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status === 200) received.push(body);
    return { status: res.status, body };
  };
  const trmnlDisplay = async (headers: Record<string, string>) => (await fetch(`${t.urls.http}/api/display`, { headers })).json();

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    await importFolder(t.server.core.app, path.dirname((await smallPhotoFolder(path.join(t.dataDir, 'incoming'), 2))[0]));
    a = (await pairFrame(t, 'sim:private-a')).frame;
    b = await pairFrame(t, 'sim:private-b', { width: 1600, height: 1200 });
    bVersion = (await b.frame.poll()).state!.version;
    bPicture = Buffer.from(await (await fetch(b.frame.state!.image_url, { headers: b.frame.authHeaders() })).arrayBuffer());
    await a.poll();
  });
  afterAll(() => t.stop());

  it('the native image path: only with B\'s own token', async () => {
    const url = `${t.urls.http}/api/display/image?version=${bVersion}`;
    expect((await get(url)).status).toBe(401);
    expect((await get(url, a.authHeaders())).status).toBe(404);
    expect((await get(url, { authorization: 'Token nope' })).status).toBe(401);
  });

  it('the old bare version path serves nothing to anyone', async () => {
    for (const headers of [{}, a.authHeaders(), b.frame.authHeaders(), { 'Access-Token': b.frame.token! }]) {
      expect((await get(`${t.urls.http}/api/images/${bVersion}.png`, headers)).status).toBe(404);
    }
  });

  it('TRMNL image URLs: A\'s URL does not open B\'s version, and B\'s display name with A\'s capability does not either', async () => {
    const aUrl: string = (await trmnlDisplay({ 'Access-Token': a.token! })).image_url;
    expect((await get(aUrl)).status).toBe(200);
    const [, aHuman, aFile] = /\/api\/images\/([^/]+)\/(.+)$/.exec(aUrl)!;
    const aCapability = aFile.split('-')[1].replace('.png', '');
    const attempts = [
      `/api/images/${aHuman}/${bVersion}-${aCapability}.png`,
      `/api/images/${b.frame.humanId}/${bVersion}-${aCapability}.png`,
      `/api/images/${b.frame.humanId}/${aFile}`,
      `/api/images/${b.frame.humanId}/${bVersion}-${'0'.repeat(32)}.png`,
      `/api/images/${b.frame.humanId}/${bVersion}.png`,
    ];
    for (const route of attempts) {
      for (const headers of [{}, a.authHeaders(), { 'Access-Token': a.token! }]) expect((await get(t.urls.http + route, headers)).status, route).toBe(404);
    }
  });

  it('the TRMNL routes give a token only its own display\'s picture', async () => {
    for (const route of ['/api/display', '/api/current_screen']) {
      const body = await (await fetch(`${t.urls.http}${route}`, { headers: { 'Access-Token': a.token!, ID: 'AA:BB:CC:DD:EE:FF' } })).json();
      expect(body.image_url).toContain(`/api/images/${a.humanId}/`);
      await get(body.image_url);
    }
  });

  it('an image URL stops working when its display is revoked, and stays dead after removal', async () => {
    const url: string = (await trmnlDisplay({ 'Access-Token': b.frame.token! })).image_url;
    expect((await get(url)).body.equals(bPicture)).toBe(true);
    received.pop();
    expect((await t.admin('POST', `/displays/${b.displayId}/revoke`)).status).toBe(200);
    expect((await get(url)).status).toBe(404);
    expect((await t.admin('POST', `/displays/${b.displayId}/approve`)).status).toBe(200);
    expect((await get(url)).status, 're-approval does not bring old URLs back').toBe(404);
    expect((await t.admin('DELETE', `/displays/${b.displayId}`)).status).toBe(200);
    expect((await get(url)).status).toBe(404);
  });

  it('no attempt ever received B\'s picture', () => {
    expect(received.length).toBeGreaterThan(0);
    for (const body of received) expect(body.equals(bPicture)).toBe(false);
  });
});
