import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairFrame } from '../helpers/pairing.ts';
import { ocrText } from '../markup/support/ocr.ts';
import { runCli } from '../helpers/serve-process.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import type { SimulatedFrame } from '../sim/frame.ts';

/** Home Assistant's rest_command with the control key changes what a display shows; the read-only key gets 403. */
describe.each(testDatabases('the integration control API'))('the integration control API (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let frame: SimulatedFrame;
  let displayId: number;
  let controlKey: string;
  let readKey: string;
  const act = (display: string | number, body: unknown, key?: string) => fetch(`${t.urls.http}/api/displays/${display}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    ({ frame, displayId } = await pairFrame(t, 'control-test-frame'));
    await frame.poll();
    readKey = (await (await t.admin('POST', '/integrations/key')).json()).key;
    controlKey = (await (await t.admin('POST', '/integrations/control-key')).json()).key;
  }, 60_000);
  afterAll(() => t.stop());

  it('shows a message on a long-polling frame at once, legibly', async () => {
    const longPoll = frame.poll({ wait: 20 });
    const sent = Date.now();
    // What HA's rest_command sends: the template renders minutes as text.
    const res = await act(displayId, { action: 'message', text: 'Dinner is ready', minutes: '30' }, controlKey);
    expect(res.status).toBe(200);
    expect((await res.json()).data).toEqual([expect.objectContaining({ id: displayId, mode: 'message', override: expect.objectContaining({ mode: 'message' }) })]);
    const { status, state } = await longPoll;
    expect(status).toBe(200);
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(state).toMatchObject({ mode: 'message', override: { mode: 'message' } });
    const preview = await (await t.admin('GET', `/displays/${displayId}/preview`)).json();
    expect(await ocrText(Buffer.from(preview.image.dataBase64, 'base64'))).toContain('Dinner is ready');
  }, 30_000);

  it('sets an override, goes back to the schedule, steps to the next picture and refreshes, by human id and for all', async () => {
    const humanId = (await (await t.admin('GET', '/displays')).json())[0].humanId;
    expect((await (await act(humanId, { action: 'override', mode: 'dashboard', minutes: 15 }, controlKey)).json()).data[0]).toMatchObject({ mode: 'dashboard', override: { mode: 'dashboard' } });
    expect((await (await act(displayId, { action: 'schedule' }, controlKey)).json()).data[0]).toMatchObject({ mode: 'photo', override: null });
    expect((await act(displayId, { action: 'next' }, controlKey)).status).toBe(200);
    const all = await (await act('all', { action: 'refresh' }, controlKey)).json();
    expect(all.data.map((d: { id: number }) => d.id)).toEqual([displayId]);
  });

  it('gives the read-only key 403 and no key 401, and changes nothing', async () => {
    const before = (await frame.poll()).state ?? frame.state;
    const readOnly = await act(displayId, { action: 'message', text: 'nope' }, readKey);
    expect(readOnly.status).toBe(403);
    expect(await readOnly.json()).toEqual({ code: 'read_only_key', detail: expect.stringMatching(/read-only; changing what a display shows needs the control key/) });
    expect((await act(displayId, { action: 'next' })).status).toBe(401);
    expect((await act(displayId, { action: 'next' }, 'ink_ctl_wrong')).status).toBe(401);
    expect((await frame.poll()).status).toBe(304);
    expect(before).toBeTruthy();
  });

  it('answers bad requests with a clear 4xx', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ action: 'explode' }, 400, /action/],
      [{ action: 'message', text: '' }, 400, /text/],
      [{ action: 'override', mode: 'dashboard', minutes: 0 }, 400, /minutes/],
      [{ action: 'override', mode: 'pairing', minutes: 5 }, 400, /mode/],
    ];
    for (const [body, status, detail] of cases) {
      const res = await act(displayId, body, controlKey);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).detail).toMatch(detail);
    }
    expect((await act('zzz-zzz-zzz', { action: 'next' }, controlKey)).status).toBe(404);
  });

  it('the CLI makes a control key that replaces the old one', async () => {
    const minted = await runCli(['integration-key', '--control', '--data-dir', t.dataDir, ...settings().cliArgs]);
    expect(minted.stdout.trim()).toMatch(/^ink_ctl_/);
    expect((await act(displayId, { action: 'refresh' }, controlKey)).status).toBe(401);
    expect((await act(displayId, { action: 'refresh' }, minted.stdout.trim())).status).toBe(200);
  });
});
