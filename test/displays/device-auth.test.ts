import { describe, expect, it } from 'vitest';
import { AppEvents } from '../../main/core/events.ts';
import { DeviceAuth } from '../../main/displays/device-auth.ts';
import { hashToken } from '../../main/displays/secrets.ts';
import type { Display } from '../../main/storage/entities/display.ts';

const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** Tokens of displays 1 (approved) and 2 (revoked); `down` makes every lookup fail as an unreachable database does. */
function world() {
  const rows = new Map<string, Pick<Display, 'id' | 'status'>>([[hashToken('one'), { id: 1, status: 'approved' }], [hashToken('two'), { id: 2, status: 'revoked' }]]);
  const state = { down: false, failure: unreachable as Error, lookups: 0 };
  const events = new AppEvents();
  const auth = new DeviceAuth({
    displays: {
      byTokenHash: async (hash: string) => {
        state.lookups++;
        if (state.down) throw state.failure;
        return (rows.get(hash) ?? null) as Display | null;
      },
    },
    events,
    // As on PostgreSQL while the change feed is disconnected: never trust the cache.
    external: { sinceLastCheck: () => true, displayVersion: () => 0 },
  });
  return { auth, state, events };
}

describe('device tokens while the database cannot be reached', () => {
  it('answer as the database last did, and only then', async () => {
    const { auth, state } = world();
    expect(await auth.displayFor('one')).toBe(1);
    expect(await auth.displayFor('two')).toBeNull();
    state.down = true;
    expect(await auth.displayFor('one')).toBe(1);
    expect(await auth.displayFor('two')).toBeNull();
    await expect(auth.displayFor('never-seen')).rejects.toThrow(/ECONNREFUSED/);
    expect(state.lookups).toBe(5);
  });

  it('forget a display this node changed (revoked, re-paired, removed)', async () => {
    const { auth, state, events } = world();
    expect(await auth.displayFor('one')).toBe(1);
    events.emit('displays-changed', { displayId: 1 });
    state.down = true;
    await expect(auth.displayFor('one')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('do not hide other failures', async () => {
    const { auth, state } = world();
    expect(await auth.displayFor('one')).toBe(1);
    state.down = true;
    state.failure = new Error('syntax error at or near "FROM"');
    await expect(auth.displayFor('one')).rejects.toThrow(/syntax error/);
  });
});

describe('device tokens after another node changed one display', () => {
  /** Displays 1 and 3, both approved; `versions` stands in for the change feed's per-display versions (key 0: any display's). */
  function cluster() {
    const rows = new Map<string, Pick<Display, 'id' | 'status'>>([[hashToken('one'), { id: 1, status: 'approved' }], [hashToken('three'), { id: 3, status: 'approved' }]]);
    const versions = new Map<number, number>();
    const lookups: number[] = [];
    let duringLookup = () => undefined as void;
    const bump = (displayId: number) => {
      versions.set(displayId, (versions.get(displayId) ?? 0) + 1);
      versions.set(0, (versions.get(0) ?? 0) + 1);
    };
    const auth = new DeviceAuth({
      displays: {
        byTokenHash: async (hash: string) => {
          const row = rows.get(hash) ?? null;
          lookups.push(row?.id ?? -1);
          duringLookup();
          return row as Display | null;
        },
      },
      events: new AppEvents(),
      external: { sinceLastCheck: () => false, displayVersion: (displayId) => versions.get(displayId ?? 0) ?? 0 },
    });
    return { auth, rows, lookups, bump, setDuringLookup: (hook: () => void) => { duringLookup = hook; } };
  }

  it('look up again the tokens of that display only, and refuse it when it was revoked', async () => {
    const { auth, rows, lookups, bump } = cluster();
    expect([await auth.displayFor('one'), await auth.displayFor('three')]).toEqual([1, 3]);
    expect([await auth.displayFor('one'), await auth.displayFor('three')]).toEqual([1, 3]);
    expect(lookups).toEqual([1, 3]);

    rows.set(hashToken('three'), { id: 3, status: 'revoked' });
    bump(3);
    expect(await auth.displayFor('three')).toBeNull();
    expect(await auth.displayFor('one')).toBe(1);
    expect(lookups).toEqual([1, 3, 3]);
  });

  it('do not keep an answer a change to some display overtook while it was looked up', async () => {
    const { auth, lookups, bump, setDuringLookup } = cluster();
    setDuringLookup(() => bump(3));
    expect(await auth.displayFor('one')).toBe(1);
    setDuringLookup(() => undefined);
    expect(await auth.displayFor('one')).toBe(1);
    expect(await auth.displayFor('one')).toBe(1);
    expect(lookups).toEqual([1, 1]);
  });
});
