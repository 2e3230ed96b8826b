import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceAuth } from '../../main/displays/device-auth.ts';
import type { Telemetry, TelemetryRecorder } from '../../main/displays/telemetry.ts';
import { notModifiedFromMemory } from '../../main/http/device-fast-path.ts';
import type { DisplayContentService } from '../../main/display-content/display-content-service.ts';
import type { DisplayState } from '../../main/display-content/display-state.ts';

const STATE = { displayId: 7, etag: '"abc123"', version: '0123456789abcdef' } as DisplayState;
/** What the fast path leaves to the device routes answers 599 here. */
const FELL_THROUGH = 599;

describe('conditional device requests answered from memory', () => {
  const recorded: [number, Telemetry][] = [];
  let inMemory: DisplayState | undefined = STATE;
  let base: string;
  let server: http.Server;

  beforeAll(async () => {
    const answer = notModifiedFromMemory({
      auth: { cachedDisplayFor: (token: string) => (token === 'good' ? 7 : undefined) } as DeviceAuth,
      displayContent: { inMemory: (id: number) => (id === 7 ? inMemory : undefined) } as DisplayContentService,
      telemetry: { record: (id: number, t: Telemetry) => recorded.push([id, t]) } as unknown as TelemetryRecorder,
    });
    server = http.createServer((req, res) => {
      if (!answer(req, res)) res.writeHead(FELL_THROUGH).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, headers: Record<string, string>, method = 'GET') => fetch(`${base}${path}`, { method, headers });
  const auth = { authorization: 'Token good' };

  it('answers an unchanged state with 304, its ETag and no body, and records the telemetry headers', async () => {
    recorded.length = 0;
    const res = await get('/api/display/state', { ...auth, 'if-none-match': STATE.etag, 'x-battery-voltage': '3.71', 'x-rssi': '-61', 'x-firmware': 'fw 2' });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(STATE.etag);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe('');
    expect(recorded).toEqual([[7, { batteryVoltage: 3.71, rssi: -61, firmware: 'fw 2' }]]);
    expect((await get('/api/display/state?wait=0', { ...auth, 'if-none-match': STATE.etag })).status).toBe(304);
  });

  it('answers an unchanged image with 304 and its ETag', async () => {
    const res = await get(`/api/display/image?version=${STATE.version}`, { ...auth, 'if-none-match': `"${STATE.version}"` });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(`"${STATE.version}"`);
  });

  it('leaves everything else to the device routes', async () => {
    const cases: [string, Record<string, string>, string?][] = [
      ['/api/display/state', auth],
      ['/api/display/state', { ...auth, 'if-none-match': '"other"' }],
      ['/api/display/state', { 'if-none-match': STATE.etag }],
      ['/api/display/state', { authorization: 'Token unknown', 'if-none-match': STATE.etag }],
      ['/api/display/state', { authorization: `Bearer good`, 'if-none-match': STATE.etag }],
      ['/api/display/state?wait=30', { ...auth, 'if-none-match': STATE.etag }],
      ['/api/display/state?wait=abc', { ...auth, 'if-none-match': STATE.etag }],
      ['/api/display/state', { ...auth, 'if-none-match': STATE.etag }, 'HEAD'],
      ['/api/display/state/', { ...auth, 'if-none-match': STATE.etag }],
      ['/api/display/image?version=ffffffffffffffff', { ...auth, 'if-none-match': '"ffffffffffffffff"' }],
      [`/api/display/image?version=${STATE.version}`, { ...auth, 'if-none-match': '"ffffffffffffffff"' }],
      [`/api/display/image?version=${STATE.version}&x=1`, { ...auth, 'if-none-match': `"${STATE.version}"` }],
      [`/api/display/image?version=${STATE.version}`, { 'if-none-match': `"${STATE.version}"` }],
      ['/api/display/button', { ...auth, 'if-none-match': STATE.etag }],
    ];
    for (const [path, headers, method] of cases) expect([path, (await get(path, headers, method)).status]).toEqual([path, FELL_THROUGH]);
  });

  it('leaves a state that is not in memory (stale, due, never computed) to the device routes', async () => {
    inMemory = undefined;
    try {
      expect((await get('/api/display/state', { ...auth, 'if-none-match': STATE.etag })).status).toBe(FELL_THROUGH);
    } finally {
      inMemory = STATE;
    }
  });
});
