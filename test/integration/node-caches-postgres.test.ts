import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { notePostgresMissing, postgresAvailable } from '../helpers/postgres.ts';
import { usePostgresCluster } from '../helpers/test-databases.ts';
import { callAdmin, startTestServer, tempDataDir, type TestServer } from '../helpers/test-server.ts';
import { pairFrameAcross } from '../helpers/pairing.ts';

notePostgresMissing("another node's writes and this node's caches");

const TELEMETRY = { 'x-battery-voltage': '3.9', 'x-rssi': '-60' };

describe.skipIf(!postgresAvailable)("another node's commits reload only what depends on the table they changed", () => {
  const cluster = usePostgresCluster();
  let a: TestServer;
  let b: TestServer;
  let token: string;
  const admin = (node: TestServer, method: string, urlPath: string, body?: unknown) => callAdmin(node.urls.http, token, method, urlPath, body);

  beforeAll(async () => {
    const databaseUrl = await cluster.createDatabase();
    const dataDir = tempDataDir();
    a = await startTestServer({ dataDir, databaseUrl, nodeName: 'node-a' });
    b = await startTestServer({ dataDir, databaseUrl, nodeName: 'node-b' });
  }, 120_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });
  afterEach(() => { vi.restoreAllMocks(); });

  /** Commits on A a write B only reloads its job schedule for, and waits until B has: every notification A sent before it has then reached B too. */
  const notificationsDelivered = async () => {
    const reloadSchedule = vi.spyOn(b.server.core.jobs, 'reloadSchedule');
    try {
      await a.server.core.db.query('UPDATE jobs SET id = id WHERE false');
      await vi.waitFor(() => expect(reloadSchedule).toHaveBeenCalled(), { timeout: 2_000, interval: 10 });
    } finally {
      reloadSchedule.mockRestore();
    }
  };

  it("keeps B's device tokens and display content through A's telemetry writes; a revocation on A is still refused on B at the next request", async () => {
    token = await a.server.core.adminTokens.mint('script');
    const { frame, displayId: id } = await pairFrameAcross(a, (method, urlPath) => admin(b, method, urlPath), 'sim:node-caches');
    // A message until a fixed time: "No photos yet" names the next minute's recheck as its next change, so its ETag moves every minute.
    expect((await admin(b, 'POST', `/displays/${id}/message`, { text: 'Hello', minutes: 30 })).status).toBe(200);
    const pollB = () => fetch(`${b.urls.http}/api/display/state`, { headers: frame.authHeaders() });
    expect((await pollB()).status).toBe(200);
    expect((await frame.poll()).status).toBe(200);
    await a.server.core.telemetry.flush();
    await notificationsDelivered();
    expect((await pollB()).status).toBe(200);

    const clearTokens = vi.spyOn(b.server.core.deviceAuth, 'clear');
    const invalidateContent = vi.spyOn(b.server.core.displayContent, 'invalidate');
    const reloadAdminTokens = vi.spyOn(b.server.core.adminTokens, 'reload');
    for (let poll = 0; poll < 3; poll++) {
      expect((await frame.poll({ headers: TELEMETRY })).status).toBe(304);
      await a.server.core.telemetry.flush();
    }
    await notificationsDelivered();
    expect((await pollB()).status).toBe(200);
    expect(clearTokens).not.toHaveBeenCalled();
    expect(invalidateContent).not.toHaveBeenCalled();
    expect(reloadAdminTokens).not.toHaveBeenCalled();
    const stored: { batteryVoltage: number | null }[] = await (await admin(b, 'GET', '/displays')).json();
    expect(stored[0]!.batteryVoltage).toBe(3.9);

    expect((await admin(a, 'POST', `/displays/${id}/revoke`)).status).toBe(200);
    expect((await pollB()).status).toBe(401);
    // The notification named the display: B forgot that display's tokens and content, not every display's.
    expect(clearTokens).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(invalidateContent).toHaveBeenCalledWith(id), { timeout: 1_000, interval: 10 });
    expect(invalidateContent.mock.calls.every(([displayId]) => displayId === id)).toBe(true);
  });

  it('reloads the admin tokens and the display content on B after a settings change on A', async () => {
    await notificationsDelivered();
    const reloadAdminTokens = vi.spyOn(b.server.core.adminTokens, 'reload');
    const invalidateContent = vi.spyOn(b.server.core.displayContent, 'invalidate');
    const clearTokens = vi.spyOn(b.server.core.deviceAuth, 'clear');
    const replaced = await a.server.core.adminTokens.mint('script');
    await vi.waitFor(() => expect(reloadAdminTokens).toHaveBeenCalled(), { timeout: 2_000, interval: 10 });
    expect(invalidateContent).toHaveBeenCalled();
    expect(clearTokens).not.toHaveBeenCalled();
    expect((await admin(b, 'GET', '/displays')).status).toBe(401);
    expect((await callAdmin(b.urls.http, replaced, 'GET', '/displays')).status).toBe(200);
  });
});
