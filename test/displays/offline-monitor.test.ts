import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyOnEvents } from '../../main/desktop/notifications.ts';
import { silenceAllowedMs } from '../../main/displays/presence.ts';
import { pairFrame } from '../helpers/pairing.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import type { SimulatedFrame } from '../sim/frame.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';

describe.each(testDatabases('offline displays: detected after three polls, one notification per outage'))('offline displays: detected after three polls, one notification per outage (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let frame: SimulatedFrame;
  let displayId: number;
  let clock = Date.now();
  const notified: [string, string][] = [];
  const notifications = () => notified.filter(([title]) => title.endsWith(' is offline'));
  const minutes = (n: number) => (clock += n * 60_000);
  const display = async () => (await t.admin('GET', `/displays/${displayId}`)).json();
  const heardFrom = async () => {
    await frame.poll();
    await t.server.core.telemetry.flush();
  };

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl, now: () => new Date(clock) });
    notifyOnEvents(t.server.core.app.events, (title, body) => notified.push([title, body]));
    ({ frame, displayId } = await pairFrame(t, 'test:offline'));
    await t.admin('PATCH', `/displays/${displayId}`, { patch: { name: 'Hallway', pollIntervalS: 300 } });
    await heardFrom();
  });
  afterAll(() => t.stop());

  it('stays online through two missed polls and goes offline after the third, with one notification', async () => {
    minutes(14);
    expect(await t.server.core.offline.check()).toEqual([]);
    expect((await display()).online).toBe(true);
    minutes(2);
    expect(await t.server.core.offline.check()).toEqual([displayId]);
    expect((await display()).online).toBe(false);
    expect(notifications()).toEqual([['“Hallway” is offline', expect.stringMatching(/^[a-z]{3}-[a-z]{3}-[a-z]{3} has not been heard from since /)]]);
    minutes(30);
    expect(await t.server.core.offline.check()).toEqual([]);
    expect(notifications()).toHaveLength(1);
  });

  it('announces the next outage again once the display was back', async () => {
    await heardFrom();
    expect((await display()).online).toBe(true);
    expect(await t.server.core.offline.check()).toEqual([]);
    minutes(16);
    expect(await t.server.core.offline.check()).toEqual([displayId]);
    expect(notifications()).toHaveLength(2);
  });

  it('is remembered across a restart of the monitor (the outage is stored), and is silent when switched off', async () => {
    const { OfflineMonitor } = await import('../../main/displays/offline-monitor.ts');
    const fresh = new OfflineMonitor(t.server.core.app, () => null);
    expect(await fresh.check()).toEqual([]);
    await heardFrom();
    await t.admin('PATCH', `/displays/${displayId}`, { patch: { notifyOffline: false } });
    minutes(16);
    expect(await t.server.core.offline.check()).toEqual([]);
    expect((await display()).online).toBe(false);
    expect(notifications()).toHaveLength(2);
  });

  it('keeps allowing a sleep it saw even when the display state left memory meanwhile', async () => {
    await t.admin('PATCH', `/displays/${displayId}`, { patch: { notifyOffline: true } });
    await heardFrom();
    const { OfflineMonitor } = await import('../../main/displays/offline-monitor.ts');
    let rest: Date | null | undefined = new Date(clock + 60 * 60_000); // told to sleep an hour
    const monitor = new OfflineMonitor(t.server.core.app, () => rest);
    expect(await monitor.check()).toEqual([]);
    rest = undefined; // e.g. a settings change dropped the computed state
    minutes(30);
    expect(await monitor.check()).toEqual([]);
    minutes(36);
    expect(await monitor.check()).toEqual([displayId]);
  });

  it('allows a display told to sleep until a time that long, plus a margin', () => {
    const lastSeen = new Date('2026-01-01T22:00:00Z');
    expect(silenceAllowedMs({ pollIntervalS: 300, lastSeen }, null)).toBe(15 * 60_000);
    expect(silenceAllowedMs({ pollIntervalS: 300, lastSeen }, new Date('2026-01-02T07:00:00Z'))).toBe(9 * 3600_000 + 5 * 60_000);
  });
});
