import { describe, expect, it } from 'vitest';
import type { DisplayState } from '../../main/display-content/display-state.ts';
import { PENDING_REFRESH_S, refreshRate, trmnlFilename } from '../../main/trmnl/refresh-rate.ts';

const now = new Date('2025-03-15T10:00:00Z');
const state = (fields: Partial<DisplayState>) => ({ mode: 'photo', pollIntervalS: 900, nextChangeAt: null, restUntil: null, ...fields }) as DisplayState;
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('refresh_rate', () => {
  it('is the poll interval, in whole seconds', () => {
    expect(refreshRate(state({}), now)).toBe(900);
  });

  it('wakes the device just after the next change when that comes sooner', () => {
    expect(refreshRate(state({ nextChangeAt: at(299.2) }), now)).toBe(302);
    expect(refreshRate(state({ nextChangeAt: at(5000) }), now)).toBe(900);
    expect(refreshRate(state({ nextChangeAt: at(-30) }), now)).toBe(5);
  });

  it('sleeps through sleep mode and quiet hours, up to a day', () => {
    expect(refreshRate(state({ restUntil: at(7 * 3600) }), now)).toBe(7 * 3600 + 2);
    expect(refreshRate(state({ restUntil: at(3 * 86400) }), now)).toBe(86400);
  });

  it('asks often while waiting for approval', () => {
    expect(refreshRate(state({ mode: 'pairing' }), now)).toBe(PENDING_REFRESH_S);
  });
});

describe('filename', () => {
  it('is <kind>-<6 chars>-<10-digit epoch>', () => {
    expect(trmnlFilename('photo', '572f133541309506', new Date('2025-03-15T01:02:03Z'))).toBe('photo-572f13-1742000523');
    expect(trmnlFilename('identify', 'abcdef0123456789', new Date(5000))).toBe('identify-abcdef-0000000005');
  });
});
