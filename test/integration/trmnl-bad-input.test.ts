import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { TrmnlFirmware } from '../sim/trmnl-firmware.ts';

const MALFORMED_MACS = ['', 'not-a-mac', 'AA:BB:CC:DD:EE', 'AA:BB:CC:DD:EE:FF:00', 'GG:HH:II:JJ:KK:LL', 'AA-BB:CC-DD:EE-FF', "AA:BB:CC:DD:EE:FF' OR 1=1", '../../etc/passwd', 'A'.repeat(8000)];
const JUNK_LOGS: [string, string][] = [
  ['not JSON', '{"log": '],
  ['a JSON string', '"hello"'],
  ['an empty object', '{}'],
  ['logs not a list', '{"logs": "wifi"}'],
  ['entries that are not objects', '{"logs": [1, 2, 3]}'],
  ['an entry without a message', '{"logs": [{"created_at": 1}]}'],
  ['one good entry and one bad', '{"logs": [{"message": "ok"}, {"message": 5}]}'],
  ['too many entries', JSON.stringify({ logs: Array.from({ length: 500 }, () => ({ message: 'x' })) })],
  ['an old-style log without entries', '{"log": {"logs_array": []}}'],
  ['an oversized entry', JSON.stringify({ logs: [{ message: 'x', blob: 'y'.repeat(10_000) }] })],
  ['a body over the limit', JSON.stringify({ logs: [{ message: 'z'.repeat(100_000) }] })],
];

/** Raw HTTP, so header sizes beyond what fetch allows can be sent. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe.each(testDatabases('TRMNL routes under bad input'))('TRMNL routes under bad input (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let device: TrmnlFirmware;
  let rowsBefore: string;

  const snapshot = async () => JSON.stringify({
    displays: await t.server.core.db.query('SELECT id, status, token_hash, require_token, image_secret, reset_requested FROM displays ORDER BY id'),
    logs: await t.server.core.db.query('SELECT COUNT(*) AS n FROM display_logs'),
  });

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    device = new TrmnlFirmware(t.urls.http, 'AA:BB:CC:00:00:01');
    await device.wake();
    const [display] = await (await t.admin('GET', '/displays')).json();
    await t.admin('POST', `/displays/${display.id}/approve`);
    await device.wake();
    expect(device.apiKey).not.toBe('');
    rowsBefore = await snapshot();
  });
  afterAll(() => t.stop());

  it('answers malformed MACs on setup, display and current_screen with a body status, and stores nothing', async () => {
    for (const mac of MALFORMED_MACS) {
      for (const route of ['/api/setup/', '/api/display', '/api/current_screen']) {
        const res = await fetch(`${t.urls.http}${route}`, { headers: { ID: mac } });
        expect(res.status, `${route} ID=${mac.slice(0, 20)}`).toBe(200);
        const body = await res.json();
        expect(body.status).toBe(404);
        expect(body.image_url ?? null).toBeNull();
      }
    }
    expect(await snapshot()).toBe(rowsBefore);
  });

  it('answers huge headers (below and above the server limit) without a 500', async () => {
    const big = 'x'.repeat(12_000);
    const large = 'x'.repeat(3000);
    const attempts: Record<string, string>[] = [{ ID: big }, { ID: 'AA:BB:CC:00:00:01', 'Access-Token': big }, { ID: 'AA:BB:CC:00:00:01', Width: large, Height: large, Model: large, 'FW-Version': large }];
    for (const headers of attempts) {
      const res = await fetch(`${t.urls.http}/api/display`, { headers });
      expect(res.status).toBe(200);
      expect((await res.json()).status).not.toBe(500);
    }
    const port = Number(new URL(t.urls.http).port);
    const answer = await rawRequest(port, `GET /api/display HTTP/1.1\r\nHost: x\r\nID: AA:BB:CC:00:00:01\r\nX-Padding: ${'p'.repeat(40_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 431, code: 'headers_too_large' });
    expect(await snapshot()).toBe(rowsBefore);
  });

  it.each(JUNK_LOGS)('refuses a log with %s: a 4xx with a body status, nothing stored', async (_what, body) => {
    const res = await fetch(`${t.urls.http}/api/log`, { method: 'POST', headers: { ID: device.mac, 'Access-Token': device.apiKey, 'Content-Type': 'application/json' }, body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await res.json()).status).toBe(res.status);
    expect(await snapshot()).toBe(rowsBefore);
  });

  it('refuses logs from unknown devices and wrong tokens, storing nothing', async () => {
    const good = JSON.stringify({ logs: [{ message: 'hello' }] });
    const strangers: Record<string, string>[] = [{}, { ID: 'AA:BB:CC:99:99:99' }, { ID: device.mac, 'Access-Token': 'wrong' }, { 'Access-Token': 'wrong' }];
    for (const headers of strangers) {
      const res = await fetch(`${t.urls.http}/api/log`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: good });
      expect([401, 403, 404]).toContain(res.status);
      expect((await res.json()).status).toBe(res.status);
    }
    expect(await snapshot()).toBe(rowsBefore);
  });

  it('answers junk image URLs with a 4xx (404, or 400 for a malformed escape) and no server paths', async () => {
    for (const route of ['/api/images/x', '/api/images/..%2F..%2Fetc/passwd', '/api/images/abc-def-ghk/0123456789abcdef-00000000000000000000000000000000.png', `/api/images/${'a'.repeat(3000)}/${'b'.repeat(3000)}.png`, '/api/images/%00/%ff.png']) {
      const res = await fetch(`${t.urls.http}${route}`);
      expect(res.status, route).toBe(route.includes('%ff') ? 400 : 404);
      expect(await res.text()).not.toContain(t.dataDir);
    }
  });

  it('never sends status 500 or reset_firmware to odd but well-formed requests', async () => {
    const odd: Record<string, string>[] = [
      { ID: 'aa-bb-cc-00-00-01' },
      { ID: 'AA:BB:CC:00:00:01', 'Access-Token': '' },
      { ID: 'AA:BB:CC:00:00:01', 'Battery-Voltage': 'NaN', RSSI: '9999', 'Refresh-Rate': '-1', special_function: 'maybe' },
      { ID: 'AA:BB:CC:00:00:01', Width: '0', Height: '-480', Model: '<script>' },
    ];
    for (const headers of odd) {
      const body = await (await fetch(`${t.urls.http}/api/display`, { headers })).json();
      expect(body.status).not.toBe(500);
      expect(body.reset_firmware).toBe(false);
    }
  });
});
