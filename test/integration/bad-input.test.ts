import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../main/library/import-folder.ts';
import { pairFrame } from '../helpers/pairing.ts';
import { SAMPLE_PHOTOS_DIR, smallPhotoFolder } from '../helpers/photos.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { SimulatedFrame } from '../sim/frame.ts';

/** Every table's row count and the files of the photo library: "nothing stored changes". */
async function snapshot(t: TestServer): Promise<string> {
  const db = t.server.core.db;
  const tables = db.entityMetadatas.map((entity) => entity.tableName).filter((name) => name !== 'settings').sort();
  const counts = [];
  for (const name of tables) counts.push(`${name}=${(await db.query(`SELECT COUNT(*) AS n FROM "${name}"`))[0].n}`);
  const displays = await db.query('SELECT hardware_id, status, token_hash, current_variant_id FROM displays ORDER BY id');
  const photosDir = path.join(t.dataDir, 'photos');
  const files = fs.existsSync(photosDir) ? fs.readdirSync(photosDir, { recursive: true }).map(String).sort() : [];
  return JSON.stringify({ counts, displays, files });
}

/** A photo upload as a browser would send it, cut off before its closing boundary. */
function truncatedUpload(): Uint8Array<ArrayBuffer> {
  const head = '--cut\r\nContent-Disposition: form-data; name="photo"; filename="beach.jpg"\r\nContent-Type: image/jpeg\r\n\r\n';
  const photo = fs.readFileSync(path.join(SAMPLE_PHOTOS_DIR, fs.readdirSync(SAMPLE_PHOTOS_DIR).find((f) => f.endsWith('.jpg'))!));
  return new Uint8Array(Buffer.concat([Buffer.from(head), photo.subarray(0, 20_000)]));
}

describe.each(testDatabases('bad input never crashes the server or changes stored data'))('bad input never crashes the server or changes stored data (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let frame: SimulatedFrame;
  let bootstrapUrl: string;

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    // Its quarter-hourly run would otherwise add an execution to whichever case spans the quarter hour.
    expect((await t.admin('PATCH', '/jobs/generate_dashboard', { patch: { enabled: false } })).status).toBe(200);
    const files = await smallPhotoFolder(path.join(t.dataDir, 'incoming'), 2);
    await importFolder(t.server.core.app, path.dirname(files[0]));
    ({ frame } = await pairFrame(t, 'sim:bad-input'));
    await frame.poll();
    bootstrapUrl = `${t.urls.http}/api/display/bootstrap`;
  });
  afterAll(() => t.stop());

  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  const upload = (body: string | Uint8Array<ArrayBuffer>, contentType: string) =>
    fetch(`${t.urls.http}/api/admin/photos`, { method: 'POST', headers: { authorization: `Bearer ${t.urls.adminToken}`, 'content-type': contentType }, body });
  const wellFormedPart = '--b\r\nContent-Disposition: form-data; name="photo"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\nnot really a jpeg\r\n--b--\r\n';

  const cases: [string, () => Promise<Response>, number, string][] = [
    ['malformed JSON to bootstrap', () => post(bootstrapUrl, '{"hardware_id": "x",'), 400, 'malformed_json'],
    ['wrong types to bootstrap', () => post(bootstrapUrl, JSON.stringify({ hardware_id: 12, horizontal_pixels: '800', vertical_pixels: 480 })), 400, 'invalid_request'],
    ['a negative size', () => post(bootstrapUrl, JSON.stringify({ hardware_id: 'x:1', horizontal_pixels: -5, vertical_pixels: 480 })), 400, 'invalid_request'],
    ['a path-like hardware id', () => post(bootstrapUrl, JSON.stringify({ hardware_id: '../../etc/passwd', horizontal_pixels: 800, vertical_pixels: 480 })), 400, 'invalid_request'],
    ['a TRMNL hardware id', () => post(bootstrapUrl, JSON.stringify({ hardware_id: 'trmnl:aa:bb:cc:dd:ee:ff', horizontal_pixels: 800, vertical_pixels: 480 })), 400, 'invalid_request'],
    ['an unknown panel', () => post(bootstrapUrl, JSON.stringify({ hardware_id: 'x:2', horizontal_pixels: 800, vertical_pixels: 480, panel: '../../secret' })), 400, 'unknown_panel'],
    ['an oversize body', () => post(bootstrapUrl, JSON.stringify({ hardware_id: 'x:3', horizontal_pixels: 800, vertical_pixels: 480, firmware: 'a'.repeat(200_000) })), 413, 'body_too_large'],
    ['a JSON array body', () => post(bootstrapUrl, '[1,2,3]'), 400, 'invalid_request'],
    ['an unknown button', () => post(`${frame.baseUrl}/api/display/button`, JSON.stringify({ button: 'Z' }), frame.authHeaders()), 400, 'unknown_button'],
    ['a button of the wrong type', () => post(`${frame.baseUrl}/api/display/button`, JSON.stringify({ button: ['A'] }), frame.authHeaders()), 400, 'invalid_request'],
    ['malformed JSON to a button', () => post(`${frame.baseUrl}/api/display/button`, '{', frame.authHeaders()), 400, 'malformed_json'],
    ['a version that does not exist', () => fetch(`${frame.baseUrl}/api/display/image?version=0000000000000000`, { headers: frame.authHeaders() }), 404, 'unknown_version'],
    ['a path-like version', () => fetch(`${frame.baseUrl}/api/display/image?version=../../inkstand.sqlite`, { headers: frame.authHeaders() }), 404, 'unknown_version'],
    ['a bad wait', () => fetch(`${frame.baseUrl}/api/display/state?wait=abc`, { headers: frame.authHeaders() }), 400, 'invalid_wait'],
    ['a pairing picture with the wrong code', () => fetch(`${t.urls.http}/api/display/pairing-image?hardware_id=sim:bad-input&code=000000`), 404, 'not_pending'],
    ['a truncated multipart upload ("Unexpected end of form")', () => upload(truncatedUpload(), 'multipart/form-data; boundary=cut'), 400, 'malformed_upload'],
    ['a multipart/form-data upload without a boundary', () => upload(wellFormedPart, 'multipart/form-data'), 400, 'malformed_upload'],
    ['a multipart/mixed upload', () => upload(wellFormedPart, 'multipart/mixed; boundary=b'), 415, 'unsupported_media_type'],
    ['a JSON body to the photo upload', () => upload('{"photo": "x"}', 'application/json'), 415, 'unsupported_media_type'],
    ['a multipart upload with a garbled part header', () => upload('--b\r\nContent-Disposition form-data name photo\r\n\r\nxx\r\n--b--\r\n', 'multipart/form-data; boundary=b'), 400, 'malformed_upload'],
    ['a multipart upload whose file is not an image', () => upload(wellFormedPart, 'multipart/form-data; boundary=b'), 400, 'invalid_request'],
    ['an unknown route', () => fetch(`${t.urls.http}/api/display/../../etc/passwd`), 404, 'not_found'],
  ];

  for (const [name, send, status, code] of cases) {
    it(`answers ${name} with ${status} ${code}`, async () => {
      const before = await snapshot(t);
      const res = await send();
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body).toMatchObject({ detail: expect.any(String), code });
      expect(JSON.stringify(body)).not.toContain(t.dataDir);
      expect(await snapshot(t)).toBe(before);
      expect((await frame.poll()).status).toBe(304);
    });
  }

  it('ignores garbage and oversize UDP datagrams and keeps answering discovery', async () => {
    const socket = dgram.createSocket('udp4');
    for (const payload of [Buffer.from('hello'), Buffer.alloc(65_000, 0xff), Buffer.from([0, 1, 2, 3]), Buffer.from('{"EINK_DISCOVER":1}')]) {
      await new Promise<void>((resolve) => socket.send(payload, t.discoveryPort, '127.0.0.1', () => resolve()));
    }
    socket.close();
    expect((await SimulatedFrame.discover(t.discoveryPort)).server).toBe('inkstand');
  });

  it('skips a truncated image in an import folder with a message and imports the rest', async () => {
    const dir = path.join(t.dataDir, 'mixed');
    const [good] = await smallPhotoFolder(dir, 1);
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(path.join(dir, 'truncated.jpg'), bytes.subarray(0, Math.floor(bytes.length / 3)));
    fs.writeFileSync(path.join(dir, 'notes.jpg'), 'this is not a photo');
    const result = await importFolder(t.server.core.app, dir);
    expect(result.failed.map((f) => path.basename(f.file)).sort()).toEqual(['notes.jpg', 'truncated.jpg']);
    for (const failure of result.failed) expect(failure.reason.length).toBeGreaterThan(15);
  });
});
