import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../main/imaging/profiles.ts';
import { importFolder } from '../../main/library/import-folder.ts';
import { toHex } from '../../main/display-content/display-state.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { SimulatedFrame } from '../sim/frame.ts';

describe.each(testDatabases('pairing flow'))('a frame from discovery to a photo (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    await importFolder(t.server.core.app, await smallPhotoFolder(path.join(t.dataDir, 'incoming')).then((files) => path.dirname(files[0])));
  });
  afterAll(() => t.stop());

  it('discovers, waits with the pairing picture, is approved, and then shows a photo', async () => {
    const reply = await SimulatedFrame.discover(t.discoveryPort);
    expect(reply.server).toBe('inkstand');
    expect(reply.bootstrap_http).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/display\/bootstrap$/);
    expect(reply.bootstrap).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/display\/bootstrap$/);
    expect(reply.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);

    const frame = new SimulatedFrame('sim:pair-1', 800, 480);
    expect(await frame.bootstrap(reply.bootstrap_http)).toBe(202);
    expect(frame.humanId).toMatch(/^[a-z]{3}-[a-z]{3}-[a-z]{3}$/);
    expect(frame.pairingCode).toMatch(/^\d{6}$/);
    expect(frame.lastBootstrap).toMatchObject({ status: 'pending', retry_after_s: expect.any(Number) });
    // Asked again within seconds: Approve reaches the frame without a long wait.
    expect(frame.lastBootstrap.retry_after_s).toBeLessThanOrEqual(5);

    const pairingPicture = await frame.fetchImage(String(frame.lastBootstrap.image_url));
    const profile = findBuiltinProfile('inky-impression-7.3')!;
    expect(pairingPicture).toMatchObject({ width: 800, height: 480, colorType: 3 });
    expect(pairingPicture.palette).toEqual(profile.palette.map(toHex));

    expect(await frame.bootstrap()).toBe(202);
    await t.server.core.telemetry.flush();
    const list = await (await t.admin('GET', '/displays')).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ humanId: frame.humanId, status: 'pending', pairingCode: frame.pairingCode, online: true, firmware: 'sim-1.0' });

    expect((await t.admin('POST', `/displays/${list[0].id}/approve`)).status).toBe(200);
    await frame.waitForApproval();
    expect(frame.token).toBeTruthy();
    expect(frame.lastBootstrap).toMatchObject({ human_readable_id: frame.humanId, mode: 'photo' });

    const { status, state } = await frame.poll();
    expect(status).toBe(200);
    expect(state).toMatchObject({ display_id: frame.humanId, mode: 'photo', width: 800, height: 480, palette: profile.palette.map(toHex) });
    const image = await frame.fetchImage();
    expect(image).toMatchObject({ width: 800, height: 480, colorType: 3 });
    expect(image.palette).toEqual(profile.palette.map(toHex));
  });

  it('serves the device API over HTTPS with the certificate whose fingerprint discovery announced', async () => {
    const reply = await SimulatedFrame.discover(t.discoveryPort);
    const https = await import('node:https');
    const { status, fingerprint } = await new Promise<{ status: number; fingerprint: string }>((resolve, reject) => {
      https.get(reply.bootstrap.replace('/bootstrap', '/state'), { rejectUnauthorized: false }, (res) => {
        const cert = (res.socket as import('node:tls').TLSSocket).getPeerCertificate();
        resolve({ status: res.statusCode!, fingerprint: 'sha256:' + cert.fingerprint256.replace(/:/g, '').toLowerCase() });
        res.resume();
      }).on('error', reject);
    });
    expect(status).toBe(401);
    expect(fingerprint).toBe(reply.fingerprint);
  });
});
